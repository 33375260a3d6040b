"""Caching for readers, keyed by a content version: whole responses, and the cells of compare pages.

Readers far outnumber editors, and every public page and API response is a
function of the URL, the Accept header and the content. The *content version*
is a random token in the shared cache that every content write replaces
(`content_changed`, called by signals on every write path). Cached entries name
the version they were made from, so a change made through any app server makes
all of them stale at once; nothing is deleted, old entries expire on their own.

- `ReaderCacheMiddleware` keeps whole responses for readers: GET and HEAD
  requests without a session cookie, a messages cookie or an Authorization
  header. Everyone else gets a fresh response marked private. A response that
  sets a cookie, or that a view marked private or `never_cache`, is never
  stored. ConditionalGetMiddleware, outside it, answers If-None-Match with 304
  for every response; a stored answer keeps the ETag Django's
  `set_response_etag` gave it when stored, so a hit is not hashed again.
- `cached_by_content_version` keeps pieces that many pages share (a framework's
  column of compare-matrix cells, see `matrix.py`).

A cache outage never fails a request: readers get pages built afresh, and
editors' writes succeed.
"""

import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import cache, caches
from django.core.exceptions import EmptyResultSet
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag

CONTENT_VERSION_KEY = "content-version"
logger = logging.getLogger(__name__)


def content_version() -> str:
    """The current content version, created if the cache has none."""
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(CONTENT_VERSION_KEY)
    return version


def bump_content_version() -> None:
    try:
        cache.set(CONTENT_VERSION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:  # a cache outage must not fail an editor's write
        logger.exception("Could not replace the content version; the reader cache may serve old pages")


def content_changed() -> None:
    """Make every cached page and fragment stale, now and again when the transaction commits.

    The second replacement matters: a reader who reads the new version before
    the commit still sees the old rows, and would store them under it.
    """
    bump_content_version()
    transaction.on_commit(bump_content_version, robust=True)


def new_release_after_migrate(sender, **kwargs) -> None:
    """A deploy runs `migrate`: pages cached from the old templates must not outlive it."""
    bump_content_version()


def cached_by_content_version(kind: str, ids: list, build) -> dict:
    """`{id: piece}` for `ids`, the missing pieces made by `build(missing_ids)` and stored.

    Stored for FRAGMENT_CACHE_SECONDS under keys naming `kind`, each with the
    content version it was made from: one round trip reads the version and the
    pieces together, and a piece of another version counts as missing. Everything
    is built when that setting is 0 or the cache is down.
    """
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if not seconds or not ids:
        return build(ids)
    keys = {pk: f"fragment:{kind}:{pk}" for pk in ids}
    try:
        found = cache.get_many([CONTENT_VERSION_KEY, *keys.values()])
        version = found.get(CONTENT_VERSION_KEY) or content_version()
    except Exception:
        logger.exception("Fragment cache unavailable")
        return build(ids)
    pieces = {}
    for pk, key in keys.items():
        stored = found.get(key)
        if stored is not None and stored[0] == version:
            pieces[pk] = stored[1]
    missing = [pk for pk in ids if pk not in pieces]
    if missing:
        built = build(missing)
        pieces.update(built)
        try:
            cache.set_many({keys[pk]: (version, piece) for pk, piece in built.items()}, seconds)
        except Exception:
            logger.exception("Fragment cache unavailable")
    return pieces


def cached_value(kind: str, build):
    """One value every reader sees alike (`build()`), kept under the content version like the pieces above."""
    return cached_by_content_version(kind, ["value"], lambda keys: {key: build() for key in keys})["value"]


def cached_by_slug(kind: str, queryset, slugs) -> dict:
    """`{slug: the object of `queryset` with that slug, or None}`, each kept under the content version.

    For objects a URL names by slug on many pages (compared frameworks, criteria in filters and weights):
    a slug that names nothing is kept as None, so asking again costs no query either.
    """

    def read(missing):
        found = {obj.slug: obj for obj in queryset.filter(slug__in=missing)}
        return {slug: found.get(slug) for slug in missing}

    return cached_by_content_version(kind, sorted(slugs), read)


def cached_query_result(kind: str, queryset, read):
    """`read(queryset)` — such as the ids a filter matches, or their count — kept under the content version
    by the query's SQL: what a filtered listing needs whole, and only an edit changes."""
    try:
        sql = str(queryset.query)
    except EmptyResultSet:  # filters that can match nothing (queryset.none()): nothing to ask
        return read(queryset)
    return cached_value(f"{kind}:{hashlib.sha256(sql.encode()).hexdigest()}", lambda: read(queryset))


# -- the reader cache ------------------------------------------------------------------------


def is_reader_request(request) -> bool:
    """A request whose answer cannot depend on who sent it."""
    personal_cookies = {settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGE_COOKIE_NAME", "messages")}
    return (
        request.method in {"GET", "HEAD"}
        and "HTTP_AUTHORIZATION" not in request.META
        and not personal_cookies & request.COOKIES.keys()
    )


def is_storable(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
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
    if "private" not in response.get("Cache-Control", ""):
        patch_cache_control(response, private=True, no_store=True)


def reader_cache_key(request) -> str:
    # Pages ignore Accept; the API negotiates on it, so it is part of the key.
    url = request.build_absolute_uri()
    accept = request.META.get("HTTP_ACCEPT", "")
    return "reader:" + hashlib.sha256(f"{url}\n{accept}".encode()).hexdigest()


# This process's copies of the answers it stored or served last: a LocMemCache alias (settings.CACHES).
# With one, a hit asks the shared cache for the content version alone, not for the page's bytes.
LOCAL_ANSWERS = "local-answers"


def stored_answer(key) -> tuple[str, tuple | None]:
    """The current content version, and the answer stored under `key` for it (None if there is none).

    One round trip to the shared cache either way: the version alone when this
    process has a copy, else the version and the shared copy together.
    """
    local = caches[LOCAL_ANSWERS]
    copy = local.get(key)
    if copy is not None:
        version = cache.get(CONTENT_VERSION_KEY) or content_version()
        if copy[0] == version:
            return version, copy
    found = cache.get_many([CONTENT_VERSION_KEY, key])
    version = found.get(CONTENT_VERSION_KEY) or content_version()
    shared = found.get(key)
    if shared is None or shared[0] != version:
        return version, None
    local.set(key, shared, settings.READER_CACHE_SECONDS)
    return version, shared


class ReaderCacheMiddleware:
    """Answer readers from the cache; store what readers were answered; mark everything else private.

    It sits above sessions, CSRF and authentication, so a hit skips them and the view.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_reader_request(request):
            response = self.get_response(request)
            mark_private(response)
            return response
        if not settings.READER_CACHE_SECONDS:
            return self.fresh_answer(request)
        key = reader_cache_key(request)
        try:
            version, stored = stored_answer(key)
        except Exception:
            logger.exception("Reader cache unavailable")
            return self.fresh_answer(request)
        if stored is not None:
            response = HttpResponse(stored[2], headers=stored[1])
            response["X-Cache"] = "hit"
            return response
        response = self.fresh_answer(request)
        if is_storable(response):
            set_response_etag(response)
            stored = (version, dict(response.items()), response.content)
            try:
                cache.set(key, stored, settings.READER_CACHE_SECONDS)
                caches[LOCAL_ANSWERS].set(key, stored, settings.READER_CACHE_SECONDS)
            except Exception:
                logger.exception("Reader cache unavailable")
            response["X-Cache"] = "miss"
        return response

    def fresh_answer(self, request):
        response = self.get_response(request)
        if is_storable(response):
            mark_public(response)
        return response
