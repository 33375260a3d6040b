"""Bottle: still 0.x; 0.13 runs on Python 3.13 without cgi, and deprecated APIs keep working with a warning."""

FRAMEWORK = "bottle"
CRITERION = "maturity-and-release-policy"
SHOWS = "claim"
REQUIRES = []

import importlib.metadata
import importlib.util
import io
import sys
import warnings
from wsgiref.util import setup_testing_defaults

import bottle

meta = importlib.metadata.metadata("bottle")
pythons = [
    c.rsplit(" ", 1)[1] for c in meta.get_all("Classifier") if c.startswith("Programming Language :: Python :: ")
]
print("bottle", bottle.__version__, "| classifiers:", pythons, "| running on", sys.version.split()[0])
assert bottle.__version__.startswith("0.")  # pre-1.0 after 17 years
assert "3.13" in pythons

# Python 3.13 removed the cgi module; 0.13 parses multipart forms with its own parser.
print("cgi importable:", importlib.util.find_spec("cgi") is not None, "| own parser:", bottle._MultipartParser.__name__)
assert sys.version_info < (3, 13) or importlib.util.find_spec("cgi") is None
app = bottle.Bottle()
app.post("/", callback=lambda: bottle.request.forms.get("name"))
body = b'--B\r\nContent-Disposition: form-data; name="name"\r\n\r\nada\r\n--B--\r\n'
environ = {"REQUEST_METHOD": "POST", "CONTENT_TYPE": "multipart/form-data; boundary=B"}
environ.update(CONTENT_LENGTH=str(len(body)), **{"wsgi.input": io.BytesIO(body)})
setup_testing_defaults(environ)
parsed = b"".join(app(environ, lambda *a: None)).decode()
print("multipart field parsed:", parsed)
assert parsed == "ada"

# Deprecated in 0.13, still working: pickling non-string values into signed cookies.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    resp = bottle.BaseResponse()
    resp.set_cookie("prefs", {"theme": "dark"}, secret="k")
value = resp._cookies["prefs"].value
environ = {"HTTP_COOKIE": f'prefs="{value}"'}
setup_testing_defaults(environ)
read_back = bottle.BaseRequest(environ).get_cookie("prefs", secret="k")
messages = [str(w.message).splitlines()[0:2] for w in caught if issubclass(w.category, DeprecationWarning)]
print("deprecated pickled cookie:", read_back, "| warning:", messages)
assert read_back == {"theme": "dark"}
assert any("Deprecated in Bottle-0.13" in m[0] for m in messages)
