"""FastAPI: opt-in security middleware, no security headers or CSRF check by default, session cookie flags."""

FRAMEWORK = "fastapi"
CRITERION = "security-defaults"
SHOWS = "claim"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2", "itsdangerous==2.2.0", "jinja2==3.1.6"]

import pathlib
import tempfile

from fastapi import FastAPI, Request
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from fastapi.templating import Jinja2Templates
from fastapi.testclient import TestClient
from starlette.middleware.sessions import SessionMiddleware

tpl_dir = pathlib.Path(tempfile.mkdtemp())
(tpl_dir / "hi.html").write_text("<p>{{ name }}</p>")
templates = Jinja2Templates(directory=str(tpl_dir))
bare = FastAPI()


@bare.post("/transfer")
def transfer(request: Request):
    request.session["done"] = True
    return {"moved": 100}


@bare.get("/hi")
def hi(request: Request):
    return templates.TemplateResponse(request, "hi.html", {"name": "<script>x</script>"})


plain = FastAPI()
plain.post("/transfer")(transfer)
plain.get("/hi")(hi)
headers = TestClient(plain).get("/hi").headers
print("default response headers:", dict(headers))
for h in ("x-frame-options", "content-security-policy", "strict-transport-security", "x-content-type-options"):
    assert h not in headers, h

bare.add_middleware(SessionMiddleware, secret_key="k")
c = TestClient(bare)
r = c.post("/transfer", headers={"Origin": "https://evil.example"})
cookie = r.headers["set-cookie"].lower()
print("cross-site POST without token:", r.status_code, "| session cookie:", cookie)
assert r.status_code == 200, "no CSRF protection: a cross-origin POST without token is accepted"
assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
secure_app = FastAPI()
secure_app.post("/transfer")(transfer)
secure_app.add_middleware(SessionMiddleware, secret_key="k", https_only=True)
secure_cookie = TestClient(secure_app).post("/transfer").headers["set-cookie"].lower()
print("https_only=True cookie:", secure_cookie)
assert "secure" in secure_cookie

escaped = c.get("/hi").text
print("template output:", escaped)
assert escaped == "<p>&lt;script&gt;x&lt;/script&gt;</p>"

guarded = FastAPI()
guarded.get("/hi")(hi)
guarded.add_middleware(TrustedHostMiddleware, allowed_hosts=["good.example"])
gc = TestClient(guarded)
bad_host, good_host = gc.get("/hi", headers={"Host": "evil.example"}), gc.get("/hi", headers={"Host": "good.example"})
print("TrustedHost opt-in: bad host", bad_host.status_code, "good host", good_host.status_code)
assert bad_host.status_code == 400 and good_host.status_code == 200
