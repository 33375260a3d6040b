"""The site's 500 handler: a database outage is "temporarily unavailable" (503), not a crash.

Django calls the handler inside the `except` block of whatever failed, so the
exception is still at hand: an unreachable or refusing database gets a 503
with Retry-After (a load balancer or a client can come back later), anything
else Django's own 500 page. Neither page touches the database.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views import defaults

RETRY_AFTER_SECONDS = 30


def server_error(request):
    if not isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return defaults.server_error(request)
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": "The database is unavailable; try again shortly."}, status=503)
    else:
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
