"""Flask: async def views and before_request hooks run (with the async extra, i.e. asgiref)."""

FRAMEWORK = "flask"
CRITERION = "async-support"
SHOWS = "presence"
REQUIRES = ["asgiref==3.13.0"]

import asyncio

from flask import Flask, g

app = Flask(__name__)


@app.before_request
async def start():
    g.hook = "async-hook"


@app.route("/")
async def index():
    # Two awaits run concurrently inside the view.
    a, b = await asyncio.gather(asyncio.sleep(0.05, result="a"), asyncio.sleep(0.05, result="b"))
    return f"{g.hook} {a}{b}"


response = app.test_client().get("/")
print(response.status_code, response.get_data(as_text=True))
assert response.status_code == 200
assert response.get_data(as_text=True) == "async-hook ab"
