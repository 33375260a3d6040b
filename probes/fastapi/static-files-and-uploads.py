"""FastAPI: StaticFiles (ETag, 304), app.frontend() with index.html fallback, UploadFile spooled to disk when large."""

FRAMEWORK = "fastapi"
CRITERION = "static-files-and-uploads"
SHOWS = "claim"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2", "python-multipart==0.0.34"]

import os
from pathlib import Path
from tempfile import SpooledTemporaryFile

from fastapi import FastAPI, UploadFile
from fastapi.staticfiles import StaticFiles
from fastapi.testclient import TestClient

os.makedirs("static")
os.makedirs("dist")
Path("static/site.css").write_text("body{}")
Path("dist/index.html").write_text("<div id=app></div>")

app = FastAPI()
app.mount("/static", StaticFiles(directory="static"), name="static")
seen = {}


@app.post("/upload")
async def upload(files: list[UploadFile]):
    for f in files:
        seen[f.filename] = (type(f.file).__name__, getattr(f.file, "_rolled", None))
    return [
        {"name": f.filename, "type": f.content_type, "size": f.size, "head": (await f.read(4)).decode()} for f in files
    ]


@app.get("/app/api")
def api():
    return {"api": True}


app.frontend("/app", directory="dist")
client = TestClient(app)

css = client.get("/static/site.css")
again = client.get("/static/site.css", headers={"If-None-Match": css.headers["etag"]})
print(
    "static:",
    css.status_code,
    css.text,
    css.headers["etag"],
    css.headers["last-modified"],
    "| revalidated:",
    again.status_code,
)
assert css.text == "body{}" and again.status_code == 304

spa = client.get("/app/settings/profile", headers={"Accept": "text/html"})  # a browser navigating
route = client.get("/app/api", headers={"Accept": "text/html"})
print("frontend fallback:", spa.status_code, spa.text, "| API route wins:", route.json())
assert spa.text == "<div id=app></div>" and route.json() == {"api": True}

big = b"BIG!" + b"x" * (2 * 1024 * 1024)
files = [("files", ("a.txt", b"tiny", "text/plain")), ("files", ("b.bin", big, "application/octet-stream"))]
r = client.post("/upload", files=files)
print("uploads:", r.json(), "| file objects:", seen)
assert r.json()[0] == {"name": "a.txt", "type": "text/plain", "size": 4, "head": "tiny"}
assert r.json()[1]["size"] == len(big)
assert seen["a.txt"] == (SpooledTemporaryFile.__name__, False), "a small file stays in memory"
assert seen["b.bin"] == (SpooledTemporaryFile.__name__, True), "a large one has rolled over to disk"
