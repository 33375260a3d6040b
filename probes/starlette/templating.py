"""Starlette: Jinja2Templates renders templates with request, url_for and context processors, autoescaping HTML."""

FRAMEWORK = "starlette"
CRITERION = "templating"
SHOWS = "presence"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2", "jinja2==3.1.6"]

import pathlib
import tempfile

from starlette.applications import Starlette
from starlette.routing import Route
from starlette.templating import Jinja2Templates
from starlette.testclient import TestClient

tpl_dir = pathlib.Path(tempfile.mkdtemp())
(tpl_dir / "page.html").write_text("{{ site }}|{{ title }}|{{ url_for('page', slug='a') }}|{{ request.method }}")


def site_name(request):
    return {"site": "Probe"}


templates = Jinja2Templates(directory=str(tpl_dir), context_processors=[site_name])


async def page(request):
    return templates.TemplateResponse(request, "page.html", {"title": "<i>T</i>"})


r = TestClient(Starlette(routes=[Route("/p/{slug}", page, name="page")])).get("/p/x")
print(r.status_code, r.headers["content-type"], r.text)
assert r.headers["content-type"].startswith("text/html")
assert r.text == "Probe|&lt;i&gt;T&lt;/i&gt;|http://testserver/p/a|GET"
