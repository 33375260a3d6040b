"""Flask: static/ served at /static with 304s; request.files spooled to disk when large; MAX_CONTENT_LENGTH 413."""

FRAMEWORK = "flask"
CRITERION = "static-files-and-uploads"
SHOWS = "claim"
REQUIRES = []

import io
import os
from pathlib import Path

from flask import Flask, request, url_for
from werkzeug.utils import secure_filename

os.makedirs("static")
Path("static/site.css").write_text("body{}")
app = Flask("probeapp", root_path=os.getcwd())  # the static/ folder beside the app is served with no code
app.config["MAX_CONTENT_LENGTH"] = 3 * 1024 * 1024
seen = {}


@app.post("/upload")
def upload():
    out = []
    for f in request.files.getlist("files"):
        seen[f.filename] = (type(f).__name__, type(f.stream).__name__, getattr(f.stream, "_rolled", None))
        out.append({"name": secure_filename(f.filename), "type": f.content_type, "head": f.stream.read(4).decode()})
    return out


client = app.test_client()
with app.test_request_context():
    css_url = url_for("static", filename="site.css")
css = client.get(css_url)
again = client.get(css_url, headers={"If-None-Match": css.headers["ETag"]})
print("static:", css_url, css.status_code, css.text, css.headers["ETag"], "| revalidated:", again.status_code)
assert css.text == "body{}" and again.status_code == 304
css.close()

big = b"BIG!" + b"x" * (1024 * 1024)
data = {
    "files": [
        (io.BytesIO(b"tiny"), "../../etc/a.txt", "text/plain"),
        (io.BytesIO(big), "b.bin", "application/octet-stream"),
    ]
}
r = client.post("/upload", data=data, content_type="multipart/form-data")
print("uploads:", r.json, "| objects:", seen)
assert r.json[0] == {"name": "etc_a.txt", "type": "text/plain", "head": "tiny"}
assert seen["../../etc/a.txt"][2] is False, "a small file stays in memory"
assert seen["b.bin"] == ("FileStorage", "SpooledTemporaryFile", True), "a large one has rolled over to a temporary file"

huge = {"files": [(io.BytesIO(b"x" * (4 * 1024 * 1024)), "huge.bin")]}
too_big = client.post("/upload", data=huge, content_type="multipart/form-data")
print(
    "over MAX_CONTENT_LENGTH:",
    too_big.status_code,
    "| 3.1 limits:",
    app.config["MAX_FORM_MEMORY_SIZE"],
    app.config["MAX_FORM_PARTS"],
)
assert too_big.status_code == 413
