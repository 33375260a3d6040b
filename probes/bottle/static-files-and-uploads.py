"""Bottle: static_file() serves files from a declared route; request.files gives FileUploads spooled to disk."""

FRAMEWORK = "bottle"
CRITERION = "static-files-and-uploads"
SHOWS = "claim"
REQUIRES = []

import io
import pathlib
import tempfile
from wsgiref.util import setup_testing_defaults

import bottle

root = pathlib.Path(tempfile.mkdtemp())
(root / "app.css").write_text("body { color: red }")
saved = pathlib.Path(tempfile.mkdtemp())
app = bottle.Bottle()
app.get("/static/<path:path>", callback=lambda path: bottle.static_file(path, root=str(root)))


@app.post("/upload")
def upload():
    f = bottle.request.files["doc"]
    f.save(str(saved), overwrite=True)
    return {"raw": f.raw_filename, "filename": f.filename, "type": f.content_type, "file": type(f.file).__name__}


def call(method, path, body=b"", **headers):
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "wsgi.input": io.BytesIO(body)}
    environ.update({k.upper(): v for k, v in headers.items()}, CONTENT_LENGTH=str(len(body)))
    setup_testing_defaults(environ)
    seen = {}
    out = b"".join(app(environ, lambda s, h, e=None: seen.update(status=s, headers={k.lower(): v for k, v in h})))
    return int(seen["status"][:3]), seen["headers"], out


status, headers, body = call("GET", "/static/app.css")
print("static:", status, headers["content-type"], body)
assert status == 200 and headers["content-type"].startswith("text/css") and body == b"body { color: red }"
status, headers, body = call("GET", "/static/app.css", HTTP_RANGE="bytes=0-3")
print("range:", status, headers["content-range"], body)
assert status == 206 and body == b"body"
escape = call("GET", "/static/../../etc/passwd")[0]
print("path outside root:", escape)
assert escape in (403, 404)


def send(payload):
    form = (
        b'--B\r\nContent-Disposition: form-data; name="doc"; filename="../My Report (1).pdf"\r\n'
        b"Content-Type: application/pdf\r\n\r\n" + payload + b"\r\n--B--\r\n"
    )
    status, _, body = call("POST", "/upload", form, CONTENT_TYPE="multipart/form-data; boundary=B")
    print("upload of", len(payload), "bytes:", status, body.decode())
    return bottle.json_loads(body)


small = send(b"tiny")
payload = b"x" * (bottle.BaseRequest.MEMFILE_MAX * 3)  # larger than the in-memory limit (100 KB)
got = send(payload)
assert (
    got["raw"] == "../My Report (1).pdf" and got["filename"] == "My-Report-1.pdf" and got["type"] == "application/pdf"
)
assert small["file"] == "BytesIO" and got["file"] != "BytesIO"  # large parts go to a temporary file
stored = saved / got["filename"]
print("saved:", stored.name, stored.stat().st_size)
assert stored.read_bytes() == payload
