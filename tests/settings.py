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

# Uploads never land in the project folder; tests that upload use their own folder.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="comparesite-test-media-"))

# Throttling stays on, with rates no test reaches by accident; tests of
# throttling lower them explicitly.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute", "problem-reports": "3/hour"},
}
