"""Litestar: CSRF, allowed hosts and CORS are built in but off until configured; no security headers by default."""

FRAMEWORK = "litestar"
CRITERION = "security-defaults"
SHOWS = "claim"
REQUIRES = ["jinja2==3.1.6"]

import tempfile

from litestar import Litestar, get, post
from litestar.config.cors import CORSConfig
from litestar.config.csrf import CSRFConfig
from litestar.response import Template
from litestar.template.config import TemplateConfig
from litestar.testing import TestClient

try:
    from litestar.plugins.jinja import JinjaTemplateEngine
except ImportError:  # releases before 2.22 keep the engines in litestar.contrib
    from litestar.contrib.jinja import JinjaTemplateEngine


@get("/")
async def page() -> Template:
    return Template(template_str="<p>{{ v }}</p>", context={"v": "<b>x</b>"})


@post("/transfer")
async def transfer() -> dict:
    return {"moved": 100}


templates = TemplateConfig(directory=tempfile.mkdtemp(), engine=JinjaTemplateEngine)
with TestClient(Litestar([page, transfer], template_config=templates)) as c:
    home = c.get("/")
    unprotected = c.post("/transfer", headers={"Origin": "https://evil.example"})
    other_host = c.get("/", headers={"Host": "evil.example"})
print("default headers:", dict(home.headers), "body:", home.text)
print("default: cross-origin POST", unprotected.status_code, "| foreign Host", other_host.status_code)
for h in ("x-frame-options", "content-security-policy", "strict-transport-security", "x-content-type-options"):
    assert h not in home.headers, h
assert home.text == "<p>&lt;b&gt;x&lt;/b&gt;</p>", "Jinja templates autoescape"
assert unprotected.status_code == 201 and other_host.status_code == 200, "nothing is enabled by default"

app = Litestar(
    [page, transfer],
    template_config=templates,
    csrf_config=CSRFConfig(secret="probe-secret"),
    allowed_hosts=["testserver.local"],
    cors_config=CORSConfig(allow_origins=["https://good.example"]),
)
with TestClient(app) as c:
    c.get("/")
    token = c.cookies.get("csrftoken")
    no_token = c.post("/transfer")
    with_token = c.post("/transfer", headers={"x-csrftoken": token})
    bad_host = c.get("/", headers={"Host": "evil.example"})
    cors = c.get("/", headers={"Origin": "https://good.example"})
print("configured: POST without token", no_token.status_code, "with token", with_token.status_code)
print("foreign Host", bad_host.status_code, "CORS allow-origin", cors.headers.get("access-control-allow-origin"))
assert no_token.status_code == 403 and with_token.status_code == 201 and bad_host.status_code == 400
assert cors.headers.get("access-control-allow-origin") == "https://good.example"
