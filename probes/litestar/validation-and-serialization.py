"""Litestar: typed signatures validated (400) for dataclasses, Structs, TypedDicts, Pydantic; DTOs shape output."""

FRAMEWORK = "litestar"
CRITERION = "validation-and-serialization"
SHOWS = "claim"
REQUIRES = ["pydantic==2.14.3"]

import datetime
import uuid
from dataclasses import dataclass
from typing import TypedDict

import msgspec
import pydantic
from litestar import post
from litestar.dto import DataclassDTO, DTOConfig
from litestar.testing import create_test_client


@dataclass
class User:
    id: uuid.UUID
    name: str
    joined: datetime.date
    password: str


class UserOut(DataclassDTO[User]):
    config = DTOConfig(exclude={"password"})


class Point(msgspec.Struct):
    x: int


class Tag(TypedDict):
    label: str


class Item(pydantic.BaseModel):
    price: float = pydantic.Field(gt=0)


@post("/users", return_dto=UserOut)
async def users(data: User, page: int) -> User:
    return data


@post("/point")
async def point(data: Point) -> Point:
    return data


@post("/tag")
async def tag(data: Tag) -> Tag:
    return data


@post("/item")
async def item(data: Item) -> Item:
    return data


uid = str(uuid.uuid4())
with create_test_client([users, point, tag, item]) as c:
    ok = c.post("/users?page=1", json={"id": uid, "name": "n", "joined": "2024-01-02", "password": "pw"})
    bad_user = c.post("/users?page=x", json={"id": "nope", "name": "n", "joined": "2024-01-02", "password": "pw"})
    results = {
        "point": (c.post("/point", json={"x": 1}).json(), c.post("/point", json={"x": "a"}).status_code),
        "tag": (c.post("/tag", json={"label": "t"}).json(), c.post("/tag", json={}).status_code),
        "item": (c.post("/item", json={"price": 2.5}).json(), c.post("/item", json={"price": -1}).status_code),
    }
print("ok:", ok.status_code, ok.json())
print("bad:", bad_user.status_code, bad_user.json())
print(results)
assert ok.json() == {"id": uid, "name": "n", "joined": "2024-01-02"}, "DTO drops the password; types encoded"
assert bad_user.status_code == 400
keys = {e.get("key") for e in bad_user.json()["extra"]}
assert "page" in keys or "id" in keys
assert results == {"point": ({"x": 1}, 400), "tag": ({"label": "t"}, 400), "item": ({"price": 2.5}, 400)}
