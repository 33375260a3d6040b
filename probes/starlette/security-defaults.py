"""Starlette: opt-in TrustedHost/HTTPSRedirect/CORS, session cookie flags, autoescaping, no CSRF or headers."""

FRAMEWORK = "starlette"
CRITERION = "security-defaults"
SHOWS = "claim"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2", "itsdangerous==2.2.0", "jinja2==3.1.6"]

import pathlib
import tempfile

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.httpsredirect import HTTPSRedirectMiddleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.templating import Jinja2Templates
from starlette.testclient import TestClient

tpl_dir = pathlib.Path(tempfile.mkdtemp())
(tpl_dir / "p.html").write_text("<p>{{ v }}</p>")
templates = Jinja2Templates(directory=str(tpl_dir))


async def page(request):
    return templates.TemplateResponse(request, "p.html", {"v": "<b>x</b>"})


async def transfer(request):
    request.session["moved"] = True
    return JSONResponse({"moved": 100})


routes = [Route("/", page), Route("/transfer", transfer, methods=["POST"])]
bare = TestClient(Starlette(routes=[Route("/", page)])).get("/")
print("bare headers:", dict(bare.headers), "body:", bare.text)
for h in ("x-frame-options", "content-security-policy", "strict-transport-security", "x-content-type-options"):
    assert h not in bare.headers, h
assert bare.text == "<p>&lt;b&gt;x&lt;/b&gt;</p>", "templates autoescape"

sess = TestClient(Starlette(routes=routes, middleware=[Middleware(SessionMiddleware, secret_key="k")]))
r = sess.post("/transfer", headers={"Origin": "https://evil.example"})
cookie = r.headers["set-cookie"].lower()
print("cross-origin POST without token:", r.status_code, "cookie:", cookie)
assert r.status_code == 200, "no CSRF protection"
assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
mw = [Middleware(SessionMiddleware, secret_key="k", https_only=True)]
secure_cookie = TestClient(Starlette(routes=routes, middleware=mw)).post("/transfer").headers["set-cookie"].lower()
print("https_only cookie:", secure_cookie)
assert "secure" in secure_cookie

opt_in = [
    Middleware(TrustedHostMiddleware, allowed_hosts=["good.example"]),
    Middleware(CORSMiddleware, allow_origins=["https://good.example"]),
]
c = TestClient(Starlette(routes=routes, middleware=opt_in), base_url="http://good.example")
bad_host = c.get("/", headers={"Host": "evil.example"})
cors = c.get("/", headers={"Origin": "https://good.example"})
https = TestClient(Starlette(routes=routes, middleware=[Middleware(HTTPSRedirectMiddleware)])).get(
    "/", follow_redirects=False
)
print("bad host:", bad_host.status_code, "CORS allow-origin:", cors.headers.get("access-control-allow-origin"))
print("HTTPSRedirect:", https.status_code, https.headers.get("location"))
assert bad_host.status_code == 400 and cors.headers.get("access-control-allow-origin") == "https://good.example"
assert https.status_code in (301, 307, 308) and https.headers["location"].startswith("https://")
