from rest_framework import serializers
from rest_framework.pagination import LimitOffsetPagination

from .. import caching


def _whole_number(raw: str, name: str, minimum: int, maximum: int | None) -> int:
    value = int(raw) if isinstance(raw, str) and raw.isascii() and raw.isdigit() else None
    if value is None or value < minimum or (maximum is not None and value > maximum):
        allowed = f"from {minimum} to {maximum}" if maximum is not None else f"of {minimum} or more"
        raise serializers.ValidationError({name: [f"{name} must be a whole number {allowed}; got “{raw}”."]})
    return value


class StrictLimitOffsetPagination(LimitOffsetPagination):
    """limit/offset paging that refuses bad values with a 400 instead of quietly guessing.

    No value of `limit` returns the whole table: the default is 50 and the most is 200.
    """

    default_limit = 50
    max_limit = 200

    def get_limit(self, request):
        raw = request.query_params.get(self.limit_query_param)
        return self.default_limit if raw is None else _whole_number(raw, self.limit_query_param, 1, self.max_limit)

    def get_offset(self, request):
        raw = request.query_params.get(self.offset_query_param)
        return 0 if raw is None else _whole_number(raw, self.offset_query_param, 0, None)

    def get_count(self, queryset):
        """How many rows the filters match, kept under the content version by the query's SQL.

        Counting a filtered table of a few hundred thousand cells costs more than
        building the page of rows it heads, and the number only changes with the content.
        """
        return caching.cached_query_result("api-count", queryset, super().get_count)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.limit_query_param:
                parameter["schema"].update({"minimum": 1, "maximum": self.max_limit, "default": self.default_limit})
            if parameter["name"] == self.offset_query_param:
                parameter["schema"].update({"minimum": 0, "default": 0})
        return parameters
