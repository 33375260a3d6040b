"""Flask + Flask-Caching: Flask caches nothing itself; @cache.cached, @cache.memoize, {% cache %}; Werkzeug 304s."""

FRAMEWORK = "flask"
CRITERION = "caching"
SHOWS = "claim"
REQUIRES = ["Flask-Caching==2.5.1"]

import flask
from flask import Flask, render_template_string, request
from flask_caching import Cache

calls = []
app = Flask(__name__)
own = [n for n in dir(flask) if "cache" in n.lower() and not n.startswith("__")]
print("a cache in Flask itself:", own, hasattr(app, "cache"))
assert not own and not hasattr(app, "cache")
cache = Cache(app, config={"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": 300})


@app.get("/report")
@cache.cached(timeout=60, query_string=True)
def report():
    calls.append(("view", request.query_string.decode()))
    return f"report #{len(calls)}"


@cache.memoize(timeout=60)
def price(item):
    calls.append(("price", item))
    return len(item) * 10


@app.get("/fragment")
def fragment():
    return render_template_string(
        "{% cache 60, 'nav' %}nav built {{ n() }}{% endcache %}", n=lambda: calls.append("nav") or len(calls)
    )


@app.get("/etag")
def etag():
    response = app.make_response("stable body")
    response.cache_control.max_age = 120
    response.add_etag()
    return response.make_conditional(request)


client = app.test_client()
bodies = [client.get("/report?x=1").text, client.get("/report?x=1").text, client.get("/report?x=2").text]
print("views:", bodies)
assert bodies[0] == bodies[1] != bodies[2]
print("memoize:", price("tea"), price("tea"), price("coffee"))
print("fragments:", client.get("/fragment").text, "|", client.get("/fragment").text)
assert calls.count(("price", "tea")) == 1 and calls.count("nav") == 1
cache.set("answer", 42)
assert cache.get("answer") == 42

first = client.get("/etag")
again = client.get("/etag", headers={"If-None-Match": first.headers["ETag"]})
print("Werkzeug:", first.headers["ETag"], first.headers["Cache-Control"], "| If-None-Match ->", again.status_code)
assert again.status_code == 304 and first.headers["Cache-Control"] == "max-age=120"
