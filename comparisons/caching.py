"""The reader cache: whole responses for anonymous GET requests, invalidated by a content version.

Readers far outnumber editors, and every public page and API response is a
function of the URL, the Accept header and the content. So responses to readers
are stored in the shared cache under a key that includes the *content version*:
a random token that every content change replaces (`content_changed`, called
from signals on every write path). Nothing is deleted on a change; the old
entries are never asked for again and expire on their own.

Who counts as a reader: a GET or HEAD request without a session cookie, a
messages cookie or an Authorization header. Everyone else (editors previewing
drafts, API clients with a token) gets a fresh response marked private.
Responses that set a cookie (forms with a CSRF token) are never stored.

The middleware sits near the top of the stack, so a hit skips sessions, CSRF,
authentication and the view; it answers If-None-Match with 304 itself.

Each process also keeps the pages it served last (`LocalCopies`, bounded in
bytes). Such a copy is used only if it was made from the current content
version, which is still read from the shared cache on every request: a change
made through any app server is seen at once, and a hit no longer carries the
page's bytes from Redis.

Pieces that many pages share (a matrix cell appears on the compare page of every
set of frameworks that includes its framework) are kept under the same content
version by `cached_fragments`, so a page that is not cached yet is built from
them rather than from scratch.
"""

import contextvars
import hashlib
import logging
import threading
import time
import uuid
from collections import OrderedDict
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)

CONTENT_VERSION_KEY = "content-version"
logger = logging.getLogger(__name__)


# During a reader's request (which never changes content) the version is read once:
# the reader cache, the fragment cache and the lists kept per version all use that reading.
_reader_request = contextvars.ContextVar("reader_request", default=None)


def content_version(known: str | None = None) -> str:
    """The current content version (`known` if the caller read it already), created if missing."""
    scope = _reader_request.get()
    if known is None and scope is not None:
        known = scope.get("version")
    version = known if known is not None else cache.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(CONTENT_VERSION_KEY)
    if scope is not None:
        scope["version"] = version
    return version


def bump_content_version() -> None:
    cache.set(CONTENT_VERSION_KEY, uuid.uuid4().hex, timeout=None)


def _bump_or_log() -> None:
    try:
        bump_content_version()
    except Exception:  # a cache outage must not fail an editor's write; readers then get fresh pages anyway
        logger.exception("Could not replace the content version; the reader cache may serve old pages")


def new_release_after_migrate(sender, **kwargs) -> None:
    """A deploy runs `migrate`: pages cached from the old templates must not outlive it."""
    _bump_or_log()


_batch = threading.local()


def content_changed() -> None:
    """Invalidate every cached reader response, now and again when the transaction commits.

    The second bump matters: a reader who reads the new version before the
    commit still sees the old rows, and would store them under it. Inside
    `one_content_change()` the change is only noted, and made once at its end.
    """
    if getattr(_batch, "open", False):
        _batch.changed = True
        return
    _bump_or_log()
    transaction.on_commit(_bump_or_log, robust=True)


@contextmanager
def one_content_change():
    """Many writes, one content change: for an import, which saves thousands of rows in one transaction."""
    if getattr(_batch, "open", False):
        yield
        return
    _batch.open, _batch.changed = True, False
    try:
        yield
    finally:
        _batch.open = False
        if _batch.changed:
            content_changed()


def cached_fragments(kind: str, ids: list, build) -> dict:
    """Pieces of pages by id (HTML, or rows holding it), with the missing ones made by `build(ids)` and stored.

    Looked up in this process's copies first, then in the shared cache, under keys
    that name the content version, like readers' responses: a change to any
    content makes every piece stale at once, on every app server. Off (everything
    built) when FRAGMENT_CACHE_SECONDS is 0; built when the cache is down.
    """
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if not seconds or not ids:
        return build(ids)
    try:
        version = content_version()
    except Exception:
        logger.exception("Fragment cache unavailable")
        return build(ids)
    keys = {pk: f"fragment:{kind}:{version}:{pk}" for pk in ids}
    fragments = {}
    for pk, key in keys.items():
        local = local_copies.get(key)
        if local is not None:
            fragments[pk] = local
    try:
        shared = cache.get_many([key for pk, key in keys.items() if pk not in fragments])
    except Exception:
        logger.exception("Fragment cache unavailable")
        shared = {}
    for pk, key in keys.items():
        if key in shared:
            fragments[pk] = shared[key]
            local_copies.put(key, shared[key], seconds)
    missing = [pk for pk in ids if pk not in fragments]
    if missing:
        built = build(missing)
        fragments.update(built)
        for pk, fragment in built.items():
            local_copies.put(keys[pk], fragment, seconds)
        try:
            cache.set_many({keys[pk]: fragment for pk, fragment in built.items()}, seconds)
        except Exception:
            logger.exception("Fragment cache unavailable")
    return fragments


_per_version = {}


def per_content_version(name: str, build):
    """`build()`, made once per content version in this process while the fragment cache is on.

    For small read-mostly lists that every matrix page needs (all published
    criteria): the content version is read from the shared cache on every
    request (once per reader request), so a change made through any app server
    is seen on the next request.
    """
    if not settings.FRAGMENT_CACHE_SECONDS:
        return build()
    try:
        version = content_version()
    except Exception:
        logger.exception("Fragment cache unavailable")
        return build()
    remembered = _per_version.get(name)
    if remembered is None or remembered[0] != version:
        remembered = _per_version[name] = (version, build())
    return remembered[1]


def _personal_cookie_names() -> set[str]:
    """Cookies whose presence means the response may be personal: a session, or messages to show."""
    return {settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGE_COOKIE_NAME", "messages")}


def _never_cached_prefixes() -> tuple[str, ...]:
    return (f"/{settings.ADMIN_PATH}", "/markdownx/", "/healthz", "/api/auth/")


def is_reader_request(request) -> bool:
    """A request whose answer cannot depend on who sent it."""
    return (
        request.method in {"GET", "HEAD"}
        and "HTTP_AUTHORIZATION" not in request.META
        and not _personal_cookie_names() & request.COOKIES.keys()
    )


def _cache_key(request) -> str:
    # Pages ignore Accept; the API negotiates on it, so it is part of the key.
    url = request.build_absolute_uri()
    accept = request.META.get("HTTP_ACCEPT", "")
    return "reader:" + hashlib.sha256(f"{url}\n{accept}".encode()).hexdigest()


def _is_storable(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.path.startswith(_never_cached_prefixes())
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def mark_public(response) -> None:
    """Let browsers, proxies and CDNs keep the page, revalidating it (ETag → 304) as configured."""
    if settings.CDN_CACHE_SECONDS:
        patch_cache_control(response, public=True, max_age=0, s_maxage=settings.CDN_CACHE_SECONDS)
    else:
        patch_cache_control(response, public=True, no_cache=True)
    # A proxy must not hand this reader's copy to an editor carrying a session cookie.
    patch_vary_headers(response, ["Cookie"])


def mark_private(response) -> None:
    if "Cache-Control" not in response or "private" not in response["Cache-Control"]:
        patch_cache_control(response, private=True, no_store=True)


def _bytes_of(value) -> int:
    """Roughly what a stored value weighs: its strings and bytes, through dicts, lists and tuples; 8 a scalar."""
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, dict):
        return sum(_bytes_of(name) + _bytes_of(item) for name, item in value.items())
    if isinstance(value, list | tuple):
        return sum(_bytes_of(item) for item in value)
    return 8


class LocalCopies:
    """This process's most recently used reader answers and fragments, within a budget of `max_bytes`.

    Entries are what the shared cache holds: a reader answer (content version,
    headers, body), whose version the caller checks, or a fragment, whose key
    names its version. Each entry is charged its strings, key and headers plus a
    fixed overhead, so many tiny entries cannot outgrow the budget; one over a
    quarter of the budget is never kept, so one large page cannot push out
    every other. An entry lives as long as the shared copy (`seconds` for reader
    answers): pages also depend on the date (a "needs review" badge appears with time).
    """

    ENTRY_OVERHEAD = 600  # bytes of dictionaries and objects around each entry, measured roughly

    def __init__(self, max_bytes: int, seconds: float = 600):
        self.max_bytes = max_bytes
        self.seconds = seconds
        self.size = 0
        self._entries = OrderedDict()  # key -> (expires, size, stored)
        self._lock = threading.Lock()

    def _charge(self, key, stored) -> int:
        return _bytes_of(stored) + len(key) + self.ENTRY_OVERHEAD

    def get(self, key):
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry[0] < time.monotonic():
                self._remove(key)
                return None
            self._entries.move_to_end(key)
            return entry[2]

    def put(self, key, stored, seconds: float | None = None) -> None:
        """Keep `stored` for `seconds` (default: the shared cache's lifetime of reader answers)."""
        size = self._charge(key, stored)
        if size > self.max_bytes // 4:
            return
        with self._lock:
            self._remove(key)
            self._entries[key] = (time.monotonic() + (self.seconds if seconds is None else seconds), size, stored)
            self.size += size
            while self.size > self.max_bytes:
                _, (_, evicted, _) = self._entries.popitem(last=False)
                self.size -= evicted

    def discard(self, key) -> None:
        with self._lock:
            self._remove(key)

    def _remove(self, key) -> None:
        entry = self._entries.pop(key, None)
        if entry is not None:
            self.size -= entry[1]


local_copies = LocalCopies(settings.READER_LOCAL_CACHE_BYTES, settings.READER_CACHE_SECONDS)


def stored_answer(key):
    """(current content version, the stored answer made from it or None), usually in one round trip.

    This process's copy of the answer, if any, needs only the version from the
    shared cache; otherwise the version and the answer come in one MGET. A copy
    made from an older version costs a second trip, for the shared answer.
    """
    local = local_copies.get(key)
    if local is not None:
        version = content_version()
        if local[0] == version:
            return version, local
        local_copies.discard(key)
        stored = cache.get(key)
    else:
        found = cache.get_many([CONTENT_VERSION_KEY, key])
        version = content_version(found.get(CONTENT_VERSION_KEY))
        stored = found.get(key)
    if stored is None or stored[0] != version:
        return version, None
    local_copies.put(key, stored)
    return version, stored


def store_answer(key, version, response) -> None:
    stored = (version, dict(response.items()), response.content)
    cache.set(key, stored, settings.READER_CACHE_SECONDS)
    local_copies.put(key, stored)


class ReaderCacheMiddleware:
    """Answer readers from the cache; store what readers were answered; mark everything else private."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_reader_request(request):
            response = self.get_response(request)
            mark_private(response)
            return response
        token = _reader_request.set({})
        try:
            return self.answer_reader(request)
        finally:
            _reader_request.reset(token)

    def answer_reader(self, request):
        if not settings.READER_CACHE_SECONDS:
            response = self.get_response(request)
            if _is_storable(request, response):
                mark_public(response)
            return response

        # The stored answer is used only if it was made from the current content.
        key = _cache_key(request)
        try:
            version, stored = stored_answer(key)
        except Exception:  # the cache is down: answer without it rather than fail
            logger.exception("Reader cache unavailable")
            return self.get_response(request)
        if stored is not None:
            response = HttpResponse(stored[2], headers=stored[1])
            response["X-Cache"] = "hit"
            return get_conditional_response(request, etag=response["ETag"], response=response)

        response = self.get_response(request)
        if _is_storable(request, response):
            mark_public(response)
            set_response_etag(response)
            try:
                store_answer(key, version, response)
            except Exception:
                logger.exception("Reader cache unavailable")
            response["X-Cache"] = "miss"
        return response
