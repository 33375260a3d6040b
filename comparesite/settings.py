"""Settings for comparesite.

Every value that differs between a laptop and production is read from the
environment here, and only here. A git-ignored `.env` file in the project
folder (written by `make run`) is read first for local development; real
environment variables always win over it. `.env.example` lists every variable.
"""

import os
from pathlib import Path

import dj_database_url
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
    "comparisons",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ETag on every GET response and 304 for If-None-Match / If-Modified-Since.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records which user made each change in the content's history.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

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

# Editor image uploads: raster images only, checked with Pillow.
EDITOR_UPLOAD_MAX_BYTES = env_int("EDITOR_UPLOAD_MAX_BYTES", 5 * 1024 * 1024)
EDITOR_UPLOAD_MAX_PIXELS = env_int("EDITOR_UPLOAD_MAX_PIXELS", 25_000_000)

LOGIN_URL = "admin:login"

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
    "DEFAULT_PARSER_CLASSES": [
        "comparisons.api.errors.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "comparisons.api.ordering.StrictOrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "comparisons.api.pagination.StrictLimitOffsetPagination",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_ANON_RATE", "120/minute"),
        "user": env_str("API_USER_RATE", "1200/minute"),
        # Readers' problem reports on the public site, per client address.
        "problem-reports": env_str("PROBLEM_REPORT_RATE", "5/hour"),
    },
    # How many proxies sit in front of the app; throttling then reads the client's
    # address from X-Forwarded-For. Leave unset when clients connect directly.
    "NUM_PROXIES": env_int("API_NUM_PROXIES", 0) or None,
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
    ],
}
