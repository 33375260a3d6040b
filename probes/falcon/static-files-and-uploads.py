"""Falcon: add_static_route() serves a folder (Range, fallback file); multipart uploads stream part by part."""

FRAMEWORK = "falcon"
CRITERION = "static-files-and-uploads"
SHOWS = "claim"
REQUIRES = []

import pathlib
import tempfile

import falcon
import falcon.testing

folder = pathlib.Path(tempfile.mkdtemp())
(folder / "app.js").write_text("console.log(1)")
(folder / "index.html").write_text("<div id=app></div>")


class Upload:
    def on_post(self, req, resp):
        parts = []
        for part in req.get_media():  # parts are parsed as the body is read
            size = 0
            while chunk := part.stream.read(64 * 1024):
                size += len(chunk)
            safe = part.secure_filename if part.filename else None
            parts.append([part.name, part.filename, safe, part.content_type, size])
        resp.media = parts


app = falcon.App()
app.add_static_route("/static", str(folder))
app.add_static_route("/spa", str(folder), fallback_filename="index.html")
app.add_route("/upload", Upload())
client = falcon.testing.TestClient(app)

r = client.simulate_get("/static/app.js")
print("static:", r.status_code, r.headers["Content-Type"], r.text)
assert r.status_code == 200 and r.text == "console.log(1)"
part = client.simulate_get("/static/app.js", headers={"Range": "bytes=0-6"})
print("range:", part.status_code, part.headers["Content-Range"], part.text)
assert part.status_code == 206 and part.text == "console"
spa = client.simulate_get("/spa/some/client/route")
print("fallback file:", spa.status_code, spa.text)
assert spa.text == "<div id=app></div>"
escape = client.simulate_get("/static/../../etc/passwd")
print("outside the folder:", escape.status_code)
assert escape.status_code == 404

payload = b"x" * (3 * 1024 * 1024)
body = (
    b'--B\r\nContent-Disposition: form-data; name="title"\r\n\r\nreport\r\n'
    b'--B\r\nContent-Disposition: form-data; name="doc"; filename="../My Report.pdf"\r\n'
    b"Content-Type: application/pdf\r\n\r\n" + payload + b"\r\n--B--\r\n"
)
up = client.simulate_post("/upload", body=body, content_type="multipart/form-data; boundary=B")
print("upload:", up.status_code, up.json)
assert up.json[0] == ["title", None, None, "text/plain", 6]
name, filename, safe, content_type, size = up.json[1]
assert (name, filename, content_type, size) == ("doc", "../My Report.pdf", "application/pdf", len(payload))
assert "/" not in safe and " " not in safe  # secure_filename: "_._My_Report.pdf"
assert falcon.MEDIA_MULTIPART in falcon.App().req_options.media_handlers  # registered by default
