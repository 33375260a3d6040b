"""FastAPI: fastapi.templating.Jinja2Templates renders Jinja2 templates, with url_for inside templates."""

FRAMEWORK = "fastapi"
CRITERION = "templating"
SHOWS = "presence"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2", "jinja2==3.1.6"]

import pathlib
import tempfile

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from fastapi.testclient import TestClient

tpl_dir = pathlib.Path(tempfile.mkdtemp())
(tpl_dir / "item.html").write_text("<h1>{{ item }}</h1><a href=\"{{ url_for('show', item_id=item) }}\">self</a>")
templates = Jinja2Templates(directory=str(tpl_dir))
app = FastAPI()


@app.get("/items/{item_id}", response_class=HTMLResponse)
def show(request: Request, item_id: str):
    return templates.TemplateResponse(request=request, name="item.html", context={"item": item_id})


r = TestClient(app).get("/items/box")
print(r.status_code, r.headers["content-type"], r.text)
assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
assert r.text == '<h1>box</h1><a href="http://testserver/items/box">self</a>'
