"""aiohttp: web.static serves a folder (pre-compressed .gz, hashed URLs); request.post() spools FileField uploads."""

FRAMEWORK = "aiohttp"
CRITERION = "static-files-and-uploads"
SHOWS = "claim"
REQUIRES = []

import asyncio
import gzip
import pathlib
import tempfile

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

folder = pathlib.Path(tempfile.mkdtemp())
(folder / "app.js").write_text("console.log(1)")
(folder / "app.js.gz").write_bytes(gzip.compress(b"console.log(1)"))


async def upload(request):
    form = await request.post()
    f = form["doc"]
    data = f.file.read()
    return web.json_response(
        {
            "field": f.name,
            "filename": f.filename,
            "type": f.content_type,
            "size": len(data),
            "file": type(f.file).__name__,
        }
    )


async def parts(request):  # streaming alternative: read the multipart body part by part, in chunks
    reader = await request.multipart()
    sizes = []
    async for part in reader:
        size = 0
        while chunk := await part.read_chunk(64 * 1024):
            size += len(chunk)
        sizes.append([part.filename, size])
    return web.json_response(sizes)


async def main():
    app = web.Application(client_max_size=8 * 1024 * 1024)
    app.add_routes([web.static("/static", folder, append_version=True, name="static")])
    app.router.add_post("/upload", upload)
    app.router.add_post("/parts", parts)
    url = app.router["static"].url_for(filename="app.js")
    async with TestClient(TestServer(app)) as client:
        r = await client.get(url, headers={"Accept-Encoding": "gzip"})
        print("static:", url, r.status, r.headers.get("Content-Encoding"), await r.text())
        assert "v=" in str(url) and r.headers["Content-Encoding"] == "gzip" and await r.text() == "console.log(1)"
        payload = b"x" * (2 * 1024 * 1024)
        form = aiohttp.FormData()
        form.add_field("doc", payload, filename="big.bin", content_type="application/octet-stream")
        got = await (await client.post("/upload", data=form)).json()
        print("upload:", got)
        assert (
            got["filename"] == "big.bin" and got["size"] == len(payload) and got["type"] == "application/octet-stream"
        )
        assert "Temporary" in got["file"] or "Spooled" in got["file"]
        form = aiohttp.FormData()
        form.add_field("doc", payload, filename="big.bin")
        streamed = await (await client.post("/parts", data=form)).json()
        print("streamed parts:", streamed)
        assert streamed == [["big.bin", len(payload)]]
    small = web.Application()  # default client_max_size is 1 MiB
    small.router.add_post("/upload", upload)
    async with TestClient(TestServer(small)) as client:
        form = aiohttp.FormData()
        form.add_field("doc", payload, filename="big.bin")
        r = await client.post("/upload", data=form)
        print("2 MiB upload with default client_max_size:", r.status)
        assert r.status == 413


asyncio.run(main())
