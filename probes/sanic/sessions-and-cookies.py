"""Sanic: add_cookie() defaults to Secure and SameSite=Lax, reads are multi-value; no signing or session."""

FRAMEWORK = "sanic"
CRITERION = "sessions-and-cookies"
SHOWS = "claim"
REQUIRES = ["sanic-testing==24.6.0"]

import importlib.util
import inspect

from sanic import Request, Sanic
from sanic.response import HTTPResponse, text

app = Sanic("probe_cookies", configure_logging=False)
app.config.AUTO_EXTEND = False


@app.get("/")
async def index(request):
    response = text(f"first={request.cookies.get('pref')} all={request.cookies.getlist('pref')}")
    response.add_cookie("plain", "1")
    response.add_cookie("sid", "abc", httponly=True, host_prefix=True, partitioned=True, max_age=60)
    response.delete_cookie("old")
    return response


_, r = app.test_client.get("/", headers={"Cookie": "pref=a; pref=b"})
cookies = r.headers.get_list("set-cookie")
print(r.text)
print("Set-Cookie:", *cookies, sep="\n  ")
assert r.text == "first=a all=['a', 'b']"
plain = next(c for c in cookies if c.startswith("plain="))
assert "Secure" in plain and "SameSite=Lax" in plain and "HttpOnly" not in plain  # the defaults
sid = next(c for c in cookies if c.startswith("__Host-sid="))
assert all(flag in sid for flag in ("HttpOnly", "Partitioned", "Max-Age=60", "Path=/"))
assert any(c.startswith("old=") and "Max-Age=0" in c for c in cookies)

params = inspect.signature(HTTPResponse.add_cookie).parameters
missing = {
    "signing parameter on add_cookie": any(p in params for p in ("secret", "signed", "salt")),
    "Request.session": hasattr(Request, "session"),
    "sanic.session module": importlib.util.find_spec("sanic.session") is not None,
    "sanic.sessions module": importlib.util.find_spec("sanic.sessions") is not None,
}
print("present in core:", missing)
assert not any(missing.values())
