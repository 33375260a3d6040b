"""Request-level plumbing that belongs to the deployment, not to the knowledge base."""

import logging
import time

from django.conf import settings
from django.db import connections

logger = logging.getLogger("comparesite.requests")


def client_ip(request) -> str:
    """The client's address, read through the `NUM_PROXIES` proxies in front of the app.

    Each proxy appends the address it received the request from to
    X-Forwarded-For, so the client is that many entries from the end; anything
    further left was written by the client and cannot be trusted.
    """
    if settings.NUM_PROXIES:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            return forwarded[-min(settings.NUM_PROXIES, len(forwarded))]
    return request.META.get("REMOTE_ADDR", "")


class QueryCounter:
    """Counts the SQL statements run on every database connection while installed."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class RequestLogMiddleware:
    """One structured log record per request: what was asked, what was answered, at what cost."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        counter = QueryCounter()
        started = time.perf_counter()
        wrappers = [connection.execute_wrapper(counter) for connection in connections.all(initialized_only=False)]
        for wrapper in wrappers:
            wrapper.__enter__()
        try:
            response = self.get_response(request)
        finally:
            for wrapper in reversed(wrappers):
                wrapper.__exit__(None, None, None)
        user = getattr(request, "user", None)
        logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "query": request.META.get("QUERY_STRING", ""),
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                "queries": counter.count,
                "bytes": len(response.content) if not response.streaming else None,
                "cache": response.get("X-Cache", ""),
                "user_id": user.pk if user is not None and user.is_authenticated else None,
                "client_ip": client_ip(request),
            },
        )
        return response
