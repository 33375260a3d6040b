"""Sanic: app.static() serves files with ranges; request.files holds uploads as bytes in memory, streaming is raw."""

FRAMEWORK = "sanic"
CRITERION = "static-files-and-uploads"
SHOWS = "claim"
REQUIRES = ["sanic-testing==24.6.0"]

import pathlib
import tempfile

from sanic import Sanic
from sanic.response import json

static = pathlib.Path(tempfile.mkdtemp())
(static / "app.css").write_text("body { color: red }")
(static / "index.html").write_text("<h1>home</h1>")
app = Sanic("probe_static", configure_logging=False)
app.config.AUTO_EXTEND = False
app.static("/static", static, index="index.html", use_content_range=True, name="assets")


@app.post("/upload")
async def upload(request):
    f = request.files.get("doc")
    return json({"name": f.name, "type": f.type, "body_type": type(f.body).__name__, "size": len(f.body)})


@app.post("/stream", stream=True)
async def stream(request):
    chunks = []
    while (chunk := await request.stream.read()) is not None:
        chunks.append(chunk)
    raw = b"".join(chunks)
    return json({"files": request.files, "raw_has_boundary": raw.startswith(b"--"), "raw_bytes": len(raw)})


_, r = app.test_client.get("/static/app.css")
_, index = app.test_client.get("/static/")
_, part = app.test_client.get("/static/app.css", headers={"Range": "bytes=0-3"})
print(
    "static:", r.status, r.headers["content-type"], r.text, "| index:", index.text, "| range:", part.status, part.text
)
print("url_for:", app.url_for("assets", filename="app.css"))
assert r.text == "body { color: red }" and index.text == "<h1>home</h1>" and (part.status, part.text) == (206, "body")

files = {"doc": ("big.bin", b"x" * 600_000, "application/octet-stream")}
_, up = app.test_client.post("/upload", files=files)
print("buffered upload:", up.json, "| REQUEST_MAX_SIZE:", app.config.REQUEST_MAX_SIZE)
assert up.json == {"name": "big.bin", "type": "application/octet-stream", "body_type": "bytes", "size": 600_000}
assert app.config.REQUEST_MAX_SIZE == 100_000_000
_, st = app.test_client.post("/stream", files=files)
print("streamed route:", st.json)
assert not st.json["files"] and st.json["raw_has_boundary"] and st.json["raw_bytes"] > 600_000  # unparsed
