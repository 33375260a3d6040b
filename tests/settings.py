"""Settings for the test suite: the real settings, with test-only overrides.

The secret key is set here because the real settings refuse to start without
one when debug is off, which is how tests run. A developer's `.env` is ignored
so tests behave the same on every machine; DATABASE_URL from the environment
still picks the database (CI runs the suite on SQLite and on PostgreSQL).
"""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-key-with-enough-length-to-look-real-0123456789")
os.environ.setdefault("DJANGO_ENV_FILE", os.devnull)

from comparesite.settings import *  # noqa: F403

# Schemathesis calls the app in-process as "localhost".
ALLOWED_HOSTS = ["testserver", "localhost"]

# Fast hashing: tests create many users and never need strong hashes.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# collectstatic is never run for tests; WhiteNoise gets an empty folder to watch.
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="comparesite-test-static-"))

# Each test run writes its dataset dumps to its own folder.
DATASET_DUMP_DIR = Path(tempfile.mkdtemp(prefix="comparesite-test-dataset-"))

# Uploads never land in the project folder; tests that upload use their own folder.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="comparesite-test-media-"))

# Throttling stays on, with rates no test reaches by accident; tests of
# throttling lower them explicitly.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute", "problem-reports": "3/hour"},
}

# Tests speak plain HTTP to the test client; the redirect to HTTPS is tested on its own.
SECURE_SSL_REDIRECT = False

# The reader cache and the fragment cache are on, as in production (a single test process
# shares its local-memory cache).
READER_CACHE_SECONDS = 600
FRAGMENT_CACHE_SECONDS = 86400

# Logs of every request would drown pytest's output; the request log is tested on its own.
LOGGING = {**LOGGING, "root": {"handlers": ["stderr"], "level": "WARNING"}}  # noqa: F405

# Templates resolve static names without running collectstatic first.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
