"""Quart: static/ is served at /static with conditional and range support; request.files spools uploads to disk."""

FRAMEWORK = "quart"
CRITERION = "static-files-and-uploads"
SHOWS = "claim"
REQUIRES = []

import asyncio
import io
import pathlib
import tempfile

from quart import Quart, request, url_for
from werkzeug.datastructures import FileStorage

root = pathlib.Path(tempfile.mkdtemp())
(root / "static").mkdir()
(root / "static" / "app.css").write_text("body { color: red }")
app = Quart(__name__, root_path=str(root))


@app.post("/upload")
async def upload():
    files, form = await request.files, await request.form
    out = []
    for upload in files.getlist("doc"):
        rolled = upload.stream._rolled  # SpooledTemporaryFile: True once written to disk
        target = root / upload.filename
        await upload.save(target)
        out.append(f"{upload.filename}:{upload.content_type}:{target.stat().st_size}:disk={rolled}")
    return {"title": form["title"], "files": out, "url": url_for("static", filename="app.css")}


async def main():
    client = app.test_client()
    r = await client.get("/static/app.css")
    print("static:", r.status_code, r.headers["Content-Type"], r.headers.get("ETag"), await r.get_data(as_text=True))
    assert r.status_code == 200 and await r.get_data(as_text=True) == "body { color: red }"
    cond = await client.get("/static/app.css", headers={"If-None-Match": r.headers["ETag"]})
    part = await client.get("/static/app.css", headers={"Range": "bytes=0-3"})
    print("conditional:", cond.status_code, "| range:", part.status_code, await part.get_data(as_text=True))
    assert cond.status_code == 304 and part.status_code == 206 and await part.get_data(as_text=True) == "body"

    for name, size in (("small.bin", 1_000), ("big.bin", 600_000)):
        doc = FileStorage(io.BytesIO(b"x" * size), filename=name, content_type="application/octet-stream")
        r = await client.post("/upload", form={"title": "t"}, files={"doc": doc})
        body = await r.get_json()
        print("upload:", r.status_code, body)
        assert body["title"] == "t" and body["url"] == "/static/app.css"
        assert body["files"] == [f"{name}:application/octet-stream:{size}:disk={size > 500 * 1024}"]


asyncio.run(main())
