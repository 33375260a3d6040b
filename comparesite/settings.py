"""Settings for comparesite.

Every value that differs between a laptop and production is read from the
environment here, and only here. A git-ignored `.env` file in the project
folder (written by `make run`) is read first for local development; real
environment variables always win over it. `.env.example` lists every variable.

Some 430 lines, one job: every setting in one place, each with the reason for its value.
"""

import os
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from dotenv import load_dotenv

BASE_DIR = Path(__file__).resolve().parent.parent

load_dotenv(os.environ.get("DJANGO_ENV_FILE", BASE_DIR / ".env"), override=False)


def env_str(name: str, default: str = "") -> str:
    """A variable's value; unset and empty (`NAME=` in a .env file) both mean the default."""
    value = os.environ.get(name, "").strip()
    return value or default


def env_bool(name: str, default: bool = False) -> bool:
    value = env_str(name)
    if not value:
        return default
    normalized = value.strip().lower()
    if normalized in {"1", "true", "yes", "on"}:
        return True
    if normalized in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false, yes/no, on/off), got {value!r}.")


def env_list(name: str, default: list[str]) -> list[str]:
    value = env_str(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {value!r}.") from None


DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. It is required whenever DJANGO_DEBUG is off; "
            "set it to a long random string (for example: "
            'python -c "import secrets; print(secrets.token_urlsafe(50))"), '
            "or set DJANGO_DEBUG=1 for local development."
        )
    # Only ever reached with DEBUG on, on a developer's machine.
    SECRET_KEY = "insecure-local-development-key-never-used-in-production"  # noqa: S105 (debug only)

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])

# Full origins (https://compare.example.org) that may POST to the site when it
# is reached through a proxy or another host name than ALLOWED_HOSTS suggests.
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "markdownx",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "comparisons",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files straight from WhiteNoise, before any other work.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # One structured log line per request (method, path, status, duration, queries, cache).
    "comparesite.middleware.RequestLogMiddleware",
    # ETag on every GET response and 304 for If-None-Match, cached answers included.
    "django.middleware.http.ConditionalGetMiddleware",
    # Readers' GET requests answered from the shared cache (see comparisons/caching.py),
    # before sessions, CSRF and authentication are even looked at.
    "comparisons.caching.ReaderCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Content-Security-Policy, inside the reader cache so a view's own policy is stored with its response.
    "csp.middleware.CSPMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records which user made each change in the content's history.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Locks out repeated failed logins (django-axes); must come last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "comparesite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "comparisons.context_processors.data_credits",
            ],
        },
    },
]

WSGI_APPLICATION = "comparesite.wsgi.application"

# SQLite in the project folder unless DATABASE_URL names another database
# (postgres://user:password@host:5432/name in production and in CI).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DJANGO_DB_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    database_options = DATABASES["default"].setdefault("OPTIONS", {})
    # Long texts (Markdown and its HTML) are compressed with lz4 rather than PostgreSQL's default
    # pglz: several times cheaper to write, about as small. "pglz" for a server built without lz4.
    toast_compression = env_str("DATABASE_TOAST_COMPRESSION", "lz4")
    server_options = database_options.get("options", "")  # any given in DATABASE_URL come first
    database_options["options"] = f"{server_options} -c default_toast_compression={toast_compression}".strip()
    # Parameters travel beside the SQL rather than quoted into it: a bulk insert of Markdown
    # and HTML no longer spends seconds escaping text on the client.
    database_options.setdefault("server_side_binding", env_bool("DATABASE_SERVER_SIDE_BINDING", True))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The shared cache: Redis when REDIS_URL is set (production, and required for
# more than one app process), otherwise a per-process local-memory cache.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # django-redis rather than Django's own backend: it keeps one Redis client per process,
            # where Django's builds one per call (measured: a third of a reader-cache hit).
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "comparesite"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "comparesite"}}
# Each process's copies of the reader answers it served last (comparisons/caching.py), checked against
# the shared content version before use: measured, a hit no longer carries the page's bytes from Redis.
# At most READER_LOCAL_ANSWERS pages, so a worker's memory stays bounded.
CACHES["local-answers"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "local-answers",
    "OPTIONS": {"MAX_ENTRIES": env_int("READER_LOCAL_ANSWERS", 32)},
}

# Readers' responses (anonymous GETs of public pages and the API) are cached for
# this many seconds under a key that includes the content version, which every
# content change replaces (comparisons/caching.py). 0 turns it off. On by
# default only with Redis: with a per-process cache, one worker's edit could not
# invalidate another worker's copy.
READER_CACHE_SECONDS = env_int("READER_CACHE_SECONDS", 600 if REDIS_URL else 0)
# How long a CDN or reverse proxy may serve a public page without asking again
# (s-maxage). 0, the default, makes it revalidate every time (cheap: ETag → 304),
# so readers never see a page older than the last edit.
CDN_CACHE_SECONDS = env_int("CDN_CACHE_SECONDS", 0)
# Seconds compare-matrix cells (a framework's column, rendered) stay in the shared cache, under
# the content version like readers' responses (0 = off). Pages of sets not yet cached reuse them.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 24 * 60 * 60 if REDIS_URL else 0)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# Without debug, static files are served by WhiteNoise from STATIC_ROOT under
# content-hashed names with gzip and Brotli copies (run `collectstatic` first;
# `make serve` does), cached by browsers and CDNs for a year.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Images uploaded through the Markdown editor. Served by Django only in debug
# mode; in production the web server or object storage serves this folder.
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))

# django-markdownx: its preview runs the project's one sanitizing renderer.
# Its own URLs are not included; comparisons.urls registers staff-only views
# at the same paths (see comparisons/markdownx_views.py).
MARKDOWNX_MARKDOWNIFY_FUNCTION = "comparisons.markdown.render_markdown"
MARKDOWNX_URLS_PATH = "/markdownx/markdownify/"
MARKDOWNX_UPLOAD_URLS_PATH = "/markdownx/upload/"

# The API's dataset dump is written here once per content change, then streamed
# from the file (each app server keeps its own copy).
DATASET_DUMP_DIR = Path(
    env_str("DATASET_DUMP_DIR", str(Path(tempfile.gettempdir()) / f"comparesite-dataset-{os.getuid()}"))
)

# The evidence collector (docs/evidence.md): probes are files in the repository; each framework
# release gets a virtual environment under EVIDENCE_CACHE_DIR, made with one of EVIDENCE_PYTHONS
# (interpreter paths; empty: python3.10 to python3.14 found on PATH, else the one running Django).
EVIDENCE_PROBES_DIR = BASE_DIR / "probes"
EVIDENCE_CACHE_DIR = Path(env_str("EVIDENCE_CACHE_DIR", str(Path.home() / ".cache" / "comparesite-evidence")))
EVIDENCE_PYTHONS = env_list("EVIDENCE_PYTHONS", [])
EVIDENCE_PROBE_SECONDS = env_int("EVIDENCE_PROBE_SECONDS", 60)
EVIDENCE_PROBE_MEMORY_MB = env_int("EVIDENCE_PROBE_MEMORY_MB", 1024)
EVIDENCE_INSTALL_SECONDS = env_int("EVIDENCE_INSTALL_SECONDS", 600)
# Evidence older than this many days is shown as stale, as is evidence from an earlier text of its probe.
EVIDENCE_STALE_DAYS = env_int("EVIDENCE_STALE_DAYS", 180)

# Editor image uploads: raster images only, checked with Pillow.
EDITOR_UPLOAD_MAX_BYTES = env_int("EDITOR_UPLOAD_MAX_BYTES", 5 * 1024 * 1024)
EDITOR_UPLOAD_MAX_PIXELS = env_int("EDITOR_UPLOAD_MAX_PIXELS", 25_000_000)

LOGIN_URL = "admin:login"

# Where the admin lives; change it to keep password-guessing bots off the usual path.
ADMIN_PATH = env_str("DJANGO_ADMIN_PATH", "admin").strip("/") + "/"
if ADMIN_PATH == "/":
    raise ImproperlyConfigured("DJANGO_ADMIN_PATH must name a path such as 'admin' or 'editors/admin'.")

# --- Running on the open internet -------------------------------------------
# Number of reverse proxies (load balancer, CDN edge) in front of the app. Each
# appends the address it saw to X-Forwarded-For; the client's own address is
# read that many entries from the end. 0 means clients connect directly.
NUM_PROXIES = env_int("DJANGO_NUM_PROXIES", 0)
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto (and strips it from
# clients' requests), set DJANGO_SECURE_PROXY_SSL_HEADER=1 so Django knows the
# request came over HTTPS.
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Redirect plain HTTP to HTTPS; turn off when the proxy already does it.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers probe app servers over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# HTTPS-only for a year, subdomains included, once the site has been served over HTTPS.
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Cookies: never sent over plain HTTP outside debug, out of reach of scripts
# (the Markdown editor reads the CSRF token from its form instead), and not
# sent with cross-site subrequests.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"

# Content Security Policy (django-csp): scripts and styles only from the site's
# own files; no inline script anywhere, the admin, the Markdown editor and the
# API docs included. Images may come from https (Markdown may show them).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "https:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
if DEBUG:
    # Django's debug pages use inline code: in debug the policy only reports.
    CONTENT_SECURITY_POLICY_REPORT_ONLY = CONTENT_SECURITY_POLICY
    CONTENT_SECURITY_POLICY = None

# Password guessing: django-axes locks a username + address pair out for a
# while after repeated failed logins (answering 429).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "comparesite.middleware.client_ip"
AXES_VERBOSE = False

# Logging: one JSON object per line on stderr (text in debug), with a line per
# request from comparesite.middleware.RequestLogMiddleware.
LOG_FORMAT = env_str("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be 'json' or 'text', got {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["stderr"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Replaced by the request log; Django's own line per request would repeat it.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
    },
}

# An assessment not reviewed for this many days shows a "needs review" badge.
ASSESSMENT_STALE_AFTER_DAYS = env_int("ASSESSMENT_STALE_AFTER_DAYS", 365)

# Seed content: `manage.py seed` loads these into an empty database — first the
# Django fixtures (from fixtures/), then the dataset files (the API's dataset format).
FIXTURE_DIRS = [BASE_DIR / "fixtures"]
SEED_FIXTURES = ["flask-vs-django"]
SEED_DATASETS = [BASE_DIR / "fixtures" / "python-web-frameworks.json"]

# The JSON API. DRF's defaults (anonymous writes, Basic auth) are not used:
# anonymous clients read, throttled; editors write with a token or a session,
# checked against Django's model permissions.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly"],
    # Writes are JSON only: form encodings would carry every value as a string.
    "DEFAULT_PARSER_CLASSES": ["comparisons.api.errors.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "comparisons.api.ordering.StrictOrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "comparisons.api.pagination.StrictLimitOffsetPagination",
    # DRF's JSON renderer, able to splice in list rows kept already encoded (see the module), and its browsable API.
    "DEFAULT_RENDERER_CLASSES": [
        "comparisons.api.rendering.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        # DRF's anonymous and per-user limits, letting requests through when the cache is down.
        "comparisons.api.throttling.FailOpenAnonRateThrottle",
        "comparisons.api.throttling.FailOpenUserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_ANON_RATE", "120/minute"),
        "user": env_str("API_USER_RATE", "1200/minute"),
        # Readers' problem reports on the public site, per client address.
        "problem-reports": env_str("PROBLEM_REPORT_RATE", "5/hour"),
    },
    # Throttling reads the client's address through the proxies counted above.
    # 0 means REMOTE_ADDR (DRF would trust the whole X-Forwarded-For header with None).
    "NUM_PROXIES": NUM_PROXIES,
    "EXCEPTION_HANDLER": "comparisons.api.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "comparisons.api.schema.AutoSchema",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "comparesite API",
    "DESCRIPTION": (
        "Web frameworks compared criterion by criterion: frameworks, criteria, the matrix of "
        "assessments, editor-written comparisons, the compare matrix of any set of frameworks "
        "and the whole dataset. Reading is open to everyone; writing needs an editor's token."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Group operations by resource (frameworks, assessments, …) rather than under "v1".
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {"SupportLevelEnum": "comparisons.choices.SupportLevel"},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "comparisons.api.schema.allow_empty_filter_values",
        "comparisons.api.schema.nullable_matrix_cells",
        "comparisons.api.schema.require_the_version_to_change",
        "comparisons.api.schema.no_null_characters_in_text_parameters",
        "comparisons.api.schema.single_schema_for_blank_text",
        "comparisons.api.schema.at_most_twenty_sources",
        "comparisons.api.schema.non_blank_required_text",
        "comparisons.api.schema.framework_slugs_without_vs",
    ],
}
