import copy
import re

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from rest_framework.permissions import SAFE_METHODS

from ..models import CONTROL_CHARACTERS, FRAMEWORK_SLUG_PATTERN, MAX_SOURCES
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
            errors += ["401", "403", "413", "415"]
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


def require_the_version_to_change(result, generator, request, public):
    """A PUT or PATCH without a body, or without the version it read, is refused (428): say so.

    drf-spectacular gives POST and PUT one request component, and a new row needs no
    version, so PUT bodies get a copy of it (`…ReplaceRequest`) that requires one.
    """
    schemas = result.get("components", {}).get("schemas", {})
    for path in result.get("paths", {}).values():
        for method in ("put", "patch"):
            body = path.get(method, {}).get("requestBody")
            if body is None:
                continue
            body["required"] = True
            for content in body["content"].values():
                name = content["schema"]["$ref"].rsplit("/", 1)[1]
                if "version" not in schemas[name].get("properties", {}):
                    continue
                if method == "put":
                    shared, name = name, name.removesuffix("Request") + "ReplaceRequest"
                    schemas.setdefault(name, copy.deepcopy(schemas[shared]))
                    content["schema"]["$ref"] = f"#/components/schemas/{name}"
                required = schemas[name].setdefault("required", [])
                if "version" not in required:
                    required.append("version")
    return result


def no_null_characters_in_text_parameters(result, generator, request, public):
    """Text refuses NUL characters (400), in query parameters and request bodies alike: say so."""

    def visit(node):
        if isinstance(node, dict):
            if node.get("type") == "string" and not {"pattern", "enum", "format"} & node.keys():
                node["pattern"] = "^[^\\u0000]*$"
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    for name, component in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request"):
            visit(component)
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                target = schema.get("items", {}) if schema.get("type") == "array" else schema
                if parameter.get("in") == "query" and target.get("type") == "string" and "enum" not in target:
                    target.setdefault("pattern", "^[^\\u0000]*$")
    return result


# The one-line-text pattern as drf-spectacular writes it (\xNN escapes become \u00NN in the schema),
# and the same for text that may not be blank: at least one character that is not a space.
_CONTROL = re.sub(r"\\x([0-9a-f]{2})", r"\\u00\1", CONTROL_CHARACTERS)
ONE_LINE_TEXT_PATTERN = rf"^[^{_CONTROL}]*$"
NON_BLANK_ONE_LINE_TEXT_PATTERN = rf"^[^{_CONTROL}]*[^\s{_CONTROL}][^{_CONTROL}]*$"


def single_schema_for_blank_text(result, generator, request, public):
    """A text field that may be blank and has a pattern: drf-spectacular writes `oneOf` [pattern, empty].

    Our one-line-text pattern already matches the empty string, so "" would match both
    alternatives, which `oneOf` forbids: keep the pattern alone.
    """

    def visit(node):
        if isinstance(node, dict):
            alternatives = node.get("oneOf")
            if (
                isinstance(alternatives, list)
                and len(alternatives) == 2
                and alternatives[1] == {"type": "string", "maxLength": 0}
                and alternatives[0].get("pattern") == ONE_LINE_TEXT_PATTERN
            ):
                del node["oneOf"]
                node.update(alternatives[0])
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(result.get("components", {}))
    for path in result.get("paths", {}).values():
        visit(path)
    return result


def at_most_twenty_sources(result, generator, request, public):
    """An assessment's `sources` take at most MAX_SOURCES items (the serializer refuses more)."""
    for name, component in result.get("components", {}).get("schemas", {}).items():
        sources = component.get("properties", {}).get("sources")
        if name.endswith("Request") and sources and sources.get("type") == "array":
            sources["maxItems"] = MAX_SOURCES
    return result


def non_blank_required_text(result, generator, request, public):
    """Text that may not be blank is refused when only spaces remain after DRF trims it: say so."""
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if not name.endswith("Request"):
            continue
        for field in component.get("properties", {}).values():
            if field.get("pattern") == ONE_LINE_TEXT_PATTERN and field.get("minLength", 0) >= 1:
                field["pattern"] = NON_BLANK_ONE_LINE_TEXT_PATTERN
    return result


FRAMEWORK_COMPONENTS = {"Framework", "FrameworkDetail", "FrameworkRequest", "PatchedFrameworkRequest"}


def framework_slugs_without_vs(result, generator, request, public):
    """A framework's slug may not hold the word "vs" (compare URLs join slugs with -vs-): say so in its pattern."""
    for name, component in result.get("components", {}).get("schemas", {}).items():
        slug = component.get("properties", {}).get("slug")
        if slug and (name in FRAMEWORK_COMPONENTS or name.startswith("FrameworkReplace")):
            slug["pattern"] = FRAMEWORK_SLUG_PATTERN
    return result
