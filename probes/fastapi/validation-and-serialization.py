"""FastAPI: typed parameters and Pydantic bodies are validated (422 with locations); response models filter output."""

FRAMEWORK = "fastapi"
CRITERION = "validation-and-serialization"
SHOWS = "presence"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2"]

import datetime
import uuid
from typing import Annotated

from fastapi import Cookie, FastAPI, Header, Path, Query
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field

app = FastAPI()


class UserIn(BaseModel):
    name: str = Field(min_length=2)
    password: str


class UserOut(BaseModel):
    name: str
    id: uuid.UUID
    joined: datetime.date


@app.post("/users/{group}", response_model=UserOut)
def create(
    group: Annotated[int, Path(ge=1)],
    user: UserIn,
    limit: Annotated[int, Query(le=10)] = 5,
    x_token: Annotated[str | None, Header()] = None,
    session: Annotated[str | None, Cookie()] = None,
):
    uid = uuid.UUID(int=group)
    return {"name": user.name, "password": user.password, "id": uid, "joined": datetime.date(2024, 1, 2)}


client = TestClient(app)
ok = client.post("/users/1?limit=3", json={"name": "ann", "password": "pw"})
bad = client.post("/users/0?limit=99", json={"name": "a"})
print("ok:", ok.status_code, ok.json())
print("bad:", bad.status_code, sorted(tuple(e["loc"]) for e in bad.json()["detail"]))
assert ok.json() == {"name": "ann", "id": "00000000-0000-0000-0000-000000000001", "joined": "2024-01-02"}
assert bad.status_code == 422
assert {tuple(e["loc"]) for e in bad.json()["detail"]} == {
    ("path", "group"),
    ("query", "limit"),
    ("body", "name"),
    ("body", "password"),
}
