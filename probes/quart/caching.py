"""Quart: only HTTP helpers (cache_control, add_etag, make_conditional, file validators); no cache API."""

FRAMEWORK = "quart"
CRITERION = "caching"
SHOWS = "claim"
REQUIRES = []

import asyncio
import pathlib
import pkgutil
import tempfile

import quart
from quart import Quart, request, send_from_directory

folder = pathlib.Path(tempfile.mkdtemp())
(folder / "report.txt").write_text("file body")
app = Quart(__name__)


@app.get("/data")
async def data():
    response = await app.make_response("expensive result")
    response.cache_control.max_age = 60
    response.cache_control.public = True
    await response.add_etag()
    return await response.make_conditional(request)


@app.get("/file")
async def file():
    return await send_from_directory(folder, "report.txt")


async def main():
    client = app.test_client()
    r = await client.get("/data")
    etag = r.headers["ETag"]
    again = await client.get("/data", headers={"If-None-Match": etag})
    print("dynamic:", r.status_code, r.headers["Cache-Control"], etag, "| revalidated:", again.status_code)
    assert r.status_code == 200 and "max-age=60" in r.headers["Cache-Control"] and again.status_code == 304

    f = await client.get("/file")
    print("file:", f.status_code, f.headers["Cache-Control"], f.headers["ETag"], f.headers["Last-Modified"])
    assert "max-age=43200" in f.headers["Cache-Control"]  # SEND_FILE_MAX_AGE_DEFAULT, 12 hours
    f304 = await client.get("/file", headers={"If-None-Match": f.headers["ETag"]})
    fims = await client.get("/file", headers={"If-Modified-Since": f.headers["Last-Modified"]})
    print("file revalidated:", f304.status_code, fims.status_code)
    assert f304.status_code == 304 and fims.status_code == 304

    modules = [m.name for m in pkgutil.iter_modules(quart.__path__)]
    print("quart modules:", modules, "| app.cache:", hasattr(app, "cache"))
    assert not any("cach" in m for m in modules) and not hasattr(app, "cache")


asyncio.run(main())
