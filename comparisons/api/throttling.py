"""Rate limits that fail open: when the cache that counts requests is down, requests go through (logged).

A rate limit protects the site from abuse; an outage of the cache it counts
in must not turn every API request and every problem report into a server
error. So a throttle that cannot reach the cache allows the request and logs
the failure once per request.
"""

import logging

from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle, UserRateThrottle

logger = logging.getLogger(__name__)


class FailOpenMixin:
    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except Exception:
            logger.warning("Rate limit %s not applied: its cache is unavailable", self.scope, exc_info=True)
            return True


class FailOpenAnonRateThrottle(FailOpenMixin, AnonRateThrottle):
    """DRF's per-address limit for anonymous clients."""


class FailOpenUserRateThrottle(FailOpenMixin, UserRateThrottle):
    """DRF's per-user limit for signed-in clients."""


class ProblemReportThrottle(FailOpenMixin, SimpleRateThrottle):
    """Readers' problem reports per client address, counted like the API's throttles (same cache, same NUM_PROXIES)."""

    scope = "problem-reports"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
