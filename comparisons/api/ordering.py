from rest_framework import filters, serializers


class StrictOrderingFilter(filters.OrderingFilter):
    """DRF's ordering, but an unknown field is a 400 that lists the allowed ones, not silently ignored."""

    def get_ordering(self, request, queryset, view):
        raw = request.query_params.get(self.ordering_param)
        if raw:
            allowed = {name for name, _ in self.get_valid_fields(queryset, view, {"request": request})}
            requested = [term.strip() for term in raw.split(",") if term.strip()]
            unknown = [term for term in requested if term.lstrip("-") not in allowed]
            if unknown:
                raise serializers.ValidationError(
                    {
                        self.ordering_param: [
                            f"Cannot order by {', '.join(unknown)}; choose from {', '.join(sorted(allowed))}."
                        ]
                    }
                )
        return super().get_ordering(request, queryset, view)

    def get_schema_operation_parameters(self, view):
        """The parameter as a comma-separated list of the allowed fields, each optionally descending (-)."""
        [parameter] = super().get_schema_operation_parameters(view)
        fields = [name for name, _ in self.get_valid_fields(view.get_queryset(), view, {})]
        choices = [term for name in fields for term in (name, f"-{name}")]
        parameter["description"] = (
            f"Order by these fields, comma-separated; a leading - reverses one: {', '.join(fields)}."
        )
        parameter["schema"] = {"type": "array", "items": {"type": "string", "enum": choices}}
        parameter["style"], parameter["explode"] = "form", False
        return [parameter]
