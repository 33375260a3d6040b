"""Falcon: req.get_media() parses URL-encoded and multipart forms; there are no form classes or CSRF helpers."""

FRAMEWORK = "falcon"
CRITERION = "forms"
SHOWS = "claim"
REQUIRES = []

import pkgutil

import falcon
import falcon.testing


class Upload:
    def on_post(self, req, resp):
        if req.content_type.startswith(falcon.MEDIA_URLENCODED):
            resp.media = {"fields": req.get_media()}
            return
        parts = []
        for part in req.get_media():  # multipart: an iterator of body parts, read as a stream
            parts.append([part.name, part.filename, part.stream.read().decode()])
        resp.media = {"parts": parts}


app = falcon.App()
app.add_route("/upload", Upload())
client = falcon.testing.TestClient(app)

form = client.simulate_post("/upload", body="name=Ada&age=twelve", content_type=falcon.MEDIA_URLENCODED)
print("urlencoded:", form.status, form.json)
assert form.json == {"fields": {"name": "Ada", "age": "twelve"}}  # parsed, not validated

boundary = "probe-boundary"
body = (
    f'--{boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nNotes\r\n'
    f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n'
    f"Content-Type: text/plain\r\n\r\nline one\r\n--{boundary}--\r\n"
)
multi = client.simulate_post("/upload", body=body, content_type=f"multipart/form-data; boundary={boundary}")
print("multipart:", multi.status, multi.json)
assert multi.json == {"parts": [["title", None, "Notes"], ["file", "a.txt", "line one"]]}

names = [
    m.name for m in pkgutil.walk_packages(falcon.__path__, "falcon.") if not m.name.startswith("falcon.bench.")
]  # bench ships sample apps used for benchmarking
form_helpers = [n for n in names if "form" in n.rsplit(".", 1)[-1] or "csrf" in n]
print("form/CSRF modules in falcon:", form_helpers, "| falcon.Form:", hasattr(falcon, "Form"))
assert form_helpers == [] and not hasattr(falcon, "Form")
