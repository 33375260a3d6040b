"""FastAPI: request validation runs in pydantic-core, a compiled (Rust) extension, with Pydantic v2."""

FRAMEWORK = "fastapi"
CRITERION = "performance"
SHOWS = "claim"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2"]

import importlib.machinery
import importlib.metadata

import pydantic_core._pydantic_core as core
from fastapi import FastAPI
from fastapi.testclient import TestClient

pyd = importlib.metadata.version("pydantic")
print("pydantic", pyd, "pydantic-core module:", core.__file__)
assert int(pyd.split(".")[0]) >= 2
assert core.__file__.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)), "pydantic-core is a compiled extension"

app = FastAPI()


@app.get("/n/{n}")
def n(n: int):
    return {"n": n}


r = TestClient(app).get("/n/abc")
types = [e["type"] for e in r.json()["detail"]]
print("422 error types:", types)
assert r.status_code == 422 and types == ["int_parsing"], "error codes are pydantic-core's"
