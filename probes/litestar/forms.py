"""Litestar: URL-encoded and multipart bodies decode into typed models with validation (400); no form rendering."""

FRAMEWORK = "litestar"
CRITERION = "forms"
SHOWS = "presence"
REQUIRES = ["httpx==0.27.2"]  # older releases' test clients pass app=, which httpx 0.28 removed

import importlib.util
from dataclasses import dataclass
from typing import Annotated

from litestar import post
from litestar.datastructures import UploadFile
from litestar.enums import RequestEncodingType
from litestar.params import Body
from litestar.testing import create_test_client


@dataclass
class Signup:
    username: str
    age: int


@dataclass
class Upload:
    note: str
    file: UploadFile


@post("/signup")
async def signup(data: Annotated[Signup, Body(media_type=RequestEncodingType.URL_ENCODED)]) -> dict:
    return {"username": data.username, "age": data.age}


@post("/upload")
async def upload(data: Annotated[Upload, Body(media_type=RequestEncodingType.MULTI_PART)]) -> dict:
    return {"note": data.note, "name": data.file.filename, "size": len(await data.file.read())}


with create_test_client([signup, upload]) as client:
    good = client.post("/signup", data={"username": "ann", "age": "31"})
    bad = client.post("/signup", data={"username": "ann", "age": "old"})
    up = client.post("/upload", data={"note": "n"}, files={"file": ("a.txt", b"hello")})
print("good:", good.status_code, good.json(), "upload:", up.status_code, up.json())
print("bad:", bad.status_code, bad.json())
assert good.json() == {"username": "ann", "age": 31}
assert bad.status_code == 400 and "age" in bad.text
assert up.json() == {"note": "n", "name": "a.txt", "size": 5}
absent = [
    m for m in ("litestar.forms", "litestar.contrib.forms", "litestar.widgets") if importlib.util.find_spec(m) is None
]
print("absent form-library modules:", absent)
assert len(absent) == 3
