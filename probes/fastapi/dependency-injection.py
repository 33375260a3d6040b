"""FastAPI: nested Depends() cached per request, yield cleanup after the response (earlier: scope="function")."""

FRAMEWORK = "fastapi"
CRITERION = "dependency-injection"
SHOWS = "claim"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2"]

from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.responses import StreamingResponse
from fastapi.testclient import TestClient

log = []


def settings():
    log.append("settings")
    return {"dsn": "real"}


def get_session(cfg: Annotated[dict, Depends(settings)]):
    state = {"dsn": cfg["dsn"], "open": True}
    yield state
    state["open"] = False  # cleanup after the yield
    log.append("closed")


def repo(cfg: Annotated[dict, Depends(settings)], session: Annotated[dict, Depends(get_session)]):
    return {"session": session}


def stream(s):  # the body is produced while the response is being sent
    yield f"{s['dsn']}: open while streaming={s['open']}"


app = FastAPI()


@app.get("/default")
def default(r: Annotated[dict, Depends(repo)], s: Annotated[dict, Depends(get_session)]):
    return StreamingResponse(stream(s))


@app.get("/early")
def early(s: Annotated[dict, Depends(get_session, scope="function")]):
    return StreamingResponse(stream(s))


client = TestClient(app)
body = client.get("/default").text
print("default:", body, log)
assert body == "real: open while streaming=True", "yield dependencies end after the response"
assert log == ["settings", "closed"], "settings and the session computed once for the request, despite two users"

log.clear()
body = client.get("/early").text
print('scope="function":', body, log)
assert body == "real: open while streaming=False", (
    'the cell says scope="function" ends the dependency before the response'
)

app.dependency_overrides[settings] = lambda: {"dsn": "test"}
log.clear()
s = client.get("/default")
print("overridden:", s.text, log)
assert s.text.startswith("test:") and log == ["closed"], (
    "the override replaced settings() for every dependency that uses it"
)
