"""Starlette: StaticFiles serves folders (ETag, html mode); request.form() spools UploadFiles to disk past 1 MB."""

FRAMEWORK = "starlette"
CRITERION = "static-files-and-uploads"
SHOWS = "claim"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2", "python-multipart==0.0.34"]

import pathlib
import tempfile

from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.testclient import TestClient

static, site = pathlib.Path(tempfile.mkdtemp()), pathlib.Path(tempfile.mkdtemp())
(static / "app.css").write_text("body { color: red }")
(site / "index.html").write_text("<h1>home</h1>")
(site / "404.html").write_text("<h1>custom 404</h1>")


async def upload(request):
    async with request.form(max_files=2) as form:
        f = form["doc"]
        on_disk = f.file._rolled  # SpooledTemporaryFile: True once past the 1 MB threshold
        data = await f.read()
        return JSONResponse(
            {
                "title": form["title"],
                "name": f.filename,
                "type": f.content_type,
                "size": f.size,
                "read": len(data),
                "disk": on_disk,
                "css": str(request.url_for("static", path="app.css")),
            }
        )


app = Starlette(
    routes=[
        Route("/upload", upload, methods=["POST"]),
        Mount("/static", StaticFiles(directory=static), name="static"),
        Mount("/site", StaticFiles(directory=site, html=True)),
    ]
)
client = TestClient(app)
r = client.get("/static/app.css")
cond = client.get("/static/app.css", headers={"If-None-Match": r.headers["etag"]})
print("static:", r.status_code, r.headers["content-type"], r.headers["etag"], "| conditional:", cond.status_code)
assert r.text == "body { color: red }" and cond.status_code == 304
home, missing = client.get("/site/"), client.get("/site/nope")
print("html mode:", home.text, "|", missing.status_code, missing.text)
assert home.text == "<h1>home</h1>" and (missing.status_code, missing.text) == (404, "<h1>custom 404</h1>")

for size in (1_000, 1_500_000):
    files = {"doc": ("big.bin", b"x" * size, "application/octet-stream")}
    body = client.post("/upload", data={"title": "t"}, files=files).json()
    print("upload:", body)
    assert body == {
        "title": "t",
        "name": "big.bin",
        "type": "application/octet-stream",
        "size": size,
        "read": size,
        "disk": size > 1024 * 1024,
        "css": "http://testserver/static/app.css",
    }
three = {f"f{i}": (f"{i}.txt", b"x", "text/plain") for i in range(3)}
over = client.post("/upload", files=three)
print("3 files with max_files=2:", over.status_code, over.text)
assert over.status_code == 400
