"""Pyramid: 2.1 declares Python 3.10-3.14, and an API deprecated in 1.9 still works with a DeprecationWarning."""

FRAMEWORK = "pyramid"
CRITERION = "maturity-and-release-policy"
SHOWS = "claim"
REQUIRES = []

import importlib.metadata
import sys
import warnings

meta = importlib.metadata.metadata("pyramid")
version = importlib.metadata.version("pyramid")
pythons = [
    c.rsplit(" ", 1)[1] for c in meta.get_all("Classifier") if c.startswith("Programming Language :: Python :: 3.")
]
print(
    "pyramid",
    version,
    "| Requires-Python",
    meta["Requires-Python"],
    "| classifiers",
    pythons,
    "| running on",
    sys.version.split()[0],
)
assert int(version.split(".")[0]) >= 1, "stable since 1.0"
assert meta["Requires-Python"] == ">=3.10"
assert pythons == ["3.10", "3.11", "3.12", "3.13", "3.14"]

# Deprecated features stay for at least three minor releases: 1.9 -> 1.10 -> 2.0 -> 2.1.
from pyramid.config import Configurator
from pyramid.session import SignedCookieSessionFactory
from pyramid.testing import DummyRequest

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    from pyramid.session import check_csrf_token  # moved to pyramid.csrf in 1.9

    with Configurator() as config:
        config.set_session_factory(SignedCookieSessionFactory("s"))
        config.commit()
        request = DummyRequest(registry=config.registry)
        request.session["_csrft_"] = "tok"
        request.POST["csrf_token"] = "tok"
        ok = check_csrf_token(request)
messages = [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)]
print("pyramid.session.check_csrf_token:", ok, "| warning:", messages)
assert ok is True and any("deprecated as of Pyramid 1.9" in m for m in messages)
