"""Litestar: create_static_files_router (a Router, html_mode); UploadFile spooled past 1 MB; body size 413."""

FRAMEWORK = "litestar"
CRITERION = "static-files-and-uploads"
SHOWS = "claim"
REQUIRES = ["httpx==0.27.2"]  # older releases' test clients pass app=, which httpx 0.28 removed

import os
from pathlib import Path
from typing import Annotated

from litestar import Litestar, Router, post
from litestar.datastructures import CacheControlHeader, UploadFile
from litestar.enums import RequestEncodingType
from litestar.params import Body
from litestar.static_files import create_static_files_router
from litestar.testing import TestClient

os.makedirs("assets")
Path("assets/site.css").write_text("body{}")
Path("assets/index.html").write_text("<h1>home</h1>")
seen = {}


@post("/upload", request_max_body_size=3 * 1024 * 1024)
async def upload(data: Annotated[list[UploadFile], Body(media_type=RequestEncodingType.MULTI_PART)]) -> list:
    out = []
    for f in data:
        seen[f.filename] = (type(f.file).__name__, f.rolled_to_disk)
        out.append({"name": f.filename, "type": f.content_type, "head": (await f.read(4)).decode()})
    return out


static = create_static_files_router(
    "/static", directories=["assets"], html_mode=True, cache_control=CacheControlHeader(max_age=3600)
)
print("create_static_files_router returns a", type(static).__name__)
assert isinstance(static, Router)
with TestClient(Litestar([static, upload])) as client:
    css, index = client.get("/static/site.css"), client.get("/static/")
    print(
        "static:",
        css.status_code,
        css.text,
        css.headers["cache-control"],
        css.headers.get("etag"),
        "| html_mode /static/:",
        index.text,
    )
    assert css.text == "body{}" and css.headers["cache-control"] == "max-age=3600" and index.text == "<h1>home</h1>"

    big = b"BIG!" + b"x" * (2 * 1024 * 1024)
    files = [("data", ("a.txt", b"tiny", "text/plain")), ("data", ("b.bin", big, "application/octet-stream"))]
    r = client.post("/upload", files=files)
    print("uploads:", r.status_code, r.json(), "| file objects:", seen)
    assert r.json()[0] == {"name": "a.txt", "type": "text/plain", "head": "tiny"}
    assert seen == {"a.txt": ("SpooledTemporaryFile", False), "b.bin": ("SpooledTemporaryFile", True)}
    too_big = client.post("/upload", files=[("data", ("huge.bin", b"x" * (4 * 1024 * 1024)))])
    print("over request_max_body_size:", too_big.status_code)
    assert too_big.status_code == 413
