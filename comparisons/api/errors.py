"""One shape for every API error, so clients handle them all the same way.

    {"status": 400, "code": "invalid", "detail": "Invalid input.",
     "errors": {"frameworks": ["“nope” is not a published framework."]}}

`errors` maps each offending parameter or field to its messages (empty when
the problem is not about a particular field).
"""

from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import ProtectedError, RestrictedError
from rest_framework import exceptions, parsers, serializers, status
from rest_framework.fields import get_error_detail
from rest_framework.views import exception_handler as drf_exception_handler

from ..models import StaleVersion


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "payload_too_large"


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The resource has changed since you read it."
    default_code = "precondition_failed"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Other content still refers to this."
    default_code = "conflict"


class PreconditionRequired(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = "Send the version you read (the `version` field) so a newer change is never overwritten."
    default_code = "version_required"


class ErrorSerializer(serializers.Serializer):
    """The body of every error response (for the OpenAPI schema)."""

    status = serializers.IntegerField()
    code = serializers.CharField()
    detail = serializers.CharField()
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))


def exception_handler(exc, context):
    if isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge()
    elif isinstance(exc, StaleVersion):
        exc = Conflict("Someone else changed this after you read it; read it again and reapply your change.")
    elif isinstance(exc, ProtectedError | RestrictedError):
        blockers = sorted(
            {str(obj) for obj in (exc.protected_objects if isinstance(exc, ProtectedError) else exc.restricted_objects)}
        )
        shown = ", ".join(blockers[:5]) + (f" and {len(blockers) - 5} more" if len(blockers) > 5 else "")
        exc = Conflict(f"Other content still refers to this, so it cannot be deleted: {shown}.")
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(get_error_detail(exc))
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        data = response.data
        errors = data if isinstance(data, dict) else {"non_field_errors": data}
        body = {"code": "invalid", "detail": "Invalid input.", "errors": _flatten(errors)}
    else:
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else response.data
        code = getattr(detail, "code", None) or getattr(exc, "default_code", "error")
        body = {"code": code, "detail": str(detail), "errors": {}}
    response.data = {"status": response.status_code, **body}
    return response


def _flatten(errors, prefix="") -> dict[str, list[str]]:
    """Nested serializer errors as dotted paths: {"sources.0.url": ["Enter a valid URL."]}."""
    flat = {}
    for key, value in errors.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{path}."))
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            for index, item in enumerate(value):
                if item:
                    flat.update(_flatten(item, f"{path}.{index}."))
        else:
            flat[path] = [str(message) for message in (value if isinstance(value, list) else [value])]
    return flat


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, with absurdly deep nesting refused as a parse error rather than a crash."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise exceptions.ParseError("JSON parse error - nested too deeply.") from None
