"""Falcon: HTTP caching helpers only (cache_control, etag, if_none_match, 304 from static routes); no cache API."""

FRAMEWORK = "falcon"
CRITERION = "caching"
SHOWS = "claim"
REQUIRES = []

import datetime
import pathlib
import pkgutil
import tempfile

import falcon
import falcon.testing

CURRENT = "v42"
calls = []


class Article:
    def on_get(self, req, resp):
        calls.append(req.if_none_match)
        if req.if_none_match and any(tag == CURRENT for tag in req.if_none_match):
            resp.status = falcon.HTTP_304  # deciding on a 304 is application code
            return
        resp.etag = CURRENT
        resp.cache_control = ["public", "max-age=60"]
        resp.last_modified = datetime.datetime(2026, 1, 2, tzinfo=datetime.UTC)
        resp.vary = ["Accept-Encoding"]
        resp.text = "body"


folder = pathlib.Path(tempfile.mkdtemp())
(folder / "a.css").write_text("body{}")
app = falcon.App()
app.add_route("/article", Article())
app.add_static_route("/static", str(folder))
client = falcon.testing.TestClient(app)

r = client.simulate_get("/article")
print("headers:", {k: r.headers[k] for k in ("ETag", "Cache-Control", "Last-Modified", "Vary")})
assert r.headers["ETag"] == '"v42"' and r.headers["Cache-Control"] == "public, max-age=60"
again = client.simulate_get("/article", headers={"If-None-Match": 'W/"old", "v42"'})
print("conditional:", again.status_code, "| parsed If-None-Match:", [(str(t), t.is_weak) for t in calls[-1]])
assert again.status_code == 304 and all(isinstance(t, falcon.ETag) for t in calls[-1])
s = client.simulate_get("/static/a.css")
s304 = client.simulate_get("/static/a.css", headers={"If-None-Match": s.headers["ETag"]})
print("static route:", s.status_code, s.headers["ETag"], s.headers.get("Last-Modified"), "->", s304.status_code)
assert s304.status_code == 304
assert len(calls) == 2  # nothing stored the resource's response

modules = [m.name for m in pkgutil.walk_packages(falcon.__path__, "falcon.") if "cach" in m.name]
names = [n for n in dir(falcon) if "cach" in n.lower() and not n.startswith("__")]
print("cache modules:", modules, "| cache names in falcon:", names)
assert modules == [] and names == []
