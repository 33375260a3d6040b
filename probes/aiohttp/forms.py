"""aiohttp: request.post() parses multipart into a MultiDict with FileField uploads, but has no getlist()."""

FRAMEWORK = "aiohttp"
CRITERION = "forms"
SHOWS = "claim"
REQUIRES = []

import asyncio

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

seen = {}


async def submit(request):
    data = await request.post()
    upload = data["doc"]
    seen["tags"] = data.getall("tag")
    seen["file"] = (type(upload).__name__, upload.filename, upload.file.read().decode())
    seen["has_getlist"] = hasattr(data, "getlist")
    return web.Response(text="ok")


async def main():
    app = web.Application()
    app.router.add_post("/", submit)
    form = aiohttp.FormData()
    form.add_field("tag", "a")
    form.add_field("tag", "b")
    form.add_field("doc", b"file body", filename="note.txt", content_type="text/plain")
    async with TestClient(TestServer(app)) as client:
        r = await client.post("/", data=form)
        print(r.status, seen)
        assert r.status == 200
    assert seen["tags"] == ["a", "b"]
    assert seen["file"] == ("FileField", "note.txt", "file body")
    # The stated limit: WTForms expects getlist(), aiohttp's MultiDict only has getall().
    assert seen["has_getlist"] is False
    # No form classes in core.
    assert not any(hasattr(web, name) for name in ("Form", "BaseForm", "FormView"))


asyncio.run(main())
