"""`/healthz`: can this app server answer readers? Load balancers ask it before sending traffic."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _database_ok() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache_ok() -> bool:
    key, token = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, token, timeout=10)
    try:
        return cache.get(key) == token
    finally:
        cache.delete(key)


CHECKS = {"database": _database_ok, "cache": _cache_ok}


@require_safe
@never_cache
def healthz(request):
    """200 when the database and the cache both answer, 503 naming the one that does not."""
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = "ok" if check() else "failing"
        except Exception:  # any failure of the dependency is the answer, not a crash
            logger.exception("Health check %s failed", name)
            results[name] = "failing"
    healthy = all(result == "ok" for result in results.values())
    return JsonResponse({"status": "ok" if healthy else "failing", **results}, status=200 if healthy else 503)
