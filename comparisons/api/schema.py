from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from rest_framework.permissions import SAFE_METHODS

from .errors import ErrorSerializer


class AutoSchema(SpectacularAutoSchema):
    """Tells the whole truth: reads need no credentials, and every error has the one error shape."""

    def get_auth(self):
        auths = super().get_auth()
        # Anyone may read; a token or session only matters for writes.
        if self.method in SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction=direction)
        errors = ["400", "404", "429"]
        if self.method not in SAFE_METHODS:
            errors += ["401", "403", "413"]
        if self.method == "DELETE":
            errors.append("409")
        if self.method in ("PUT", "PATCH"):
            errors += ["409", "428"]
        for status in errors:
            if status not in responses:
                responses[status] = self._get_response_for_code(ErrorSerializer, status, direction=direction)
        return responses


# Query parameters for which an empty value is an error rather than "not given".
STRICT_QUERY_PARAMETERS = {"limit", "offset", "frameworks", "differences_only", "format"}


def allow_empty_filter_values(result, generator, request, public):
    """Filters treat an empty value (?tag=, as HTML forms send) as not given; say so in the schema.

    Comma-separated choices (?ordering=-name,,year) skip empty entries too.
    """
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query" and parameter["name"] not in STRICT_QUERY_PARAMETERS:
                    parameter["allowEmptyValue"] = True
                    items = parameter.get("schema", {}).get("items", {})
                    if parameter["schema"].get("type") == "array" and "" not in items.get("enum", [""]):
                        items["enum"] = [*items["enum"], ""]
    return result


def nullable_matrix_cells(result, generator, request, public):
    """A matrix cell is null where a framework has no assessment yet (drf-spectacular cannot say so itself)."""
    row = result.get("components", {}).get("schemas", {}).get("MatrixRow")
    if row:
        cells = row["properties"]["cells"]
        cells["items"] = {"allOf": [cells["items"]], "nullable": True}
    return result
