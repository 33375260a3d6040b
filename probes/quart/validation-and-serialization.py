"""Quart: core does not validate JSON; Quart-Schema validates request and response bodies with Pydantic models."""

FRAMEWORK = "quart"
CRITERION = "validation-and-serialization"
SHOWS = "claim"
REQUIRES = ["quart-schema==0.25.0", "pydantic==2.14.3"]

import asyncio

from pydantic import BaseModel
from quart import Quart, request
from quart_schema import QuartSchema, validate_request, validate_response

app = Quart(__name__)
QuartSchema(app)


class Person(BaseModel):
    name: str
    age: int


class Greeting(BaseModel):
    text: str
    next_age: int


@app.post("/raw")
async def raw():
    return {"received": await request.get_json()}


@app.post("/people")
@validate_request(Person)
@validate_response(Greeting)
async def people(data: Person):
    return Greeting(text=f"hi {data.name}", next_age=data.age + 1)


async def main():
    client = app.test_client()
    raw_resp = await client.post("/raw", json={"age": "old"})
    print("core, bad data:", raw_resp.status_code, await raw_resp.get_json())
    assert raw_resp.status_code == 200
    bad = await client.post("/people", json={"age": "old"})
    print("Quart-Schema, bad data:", bad.status_code)
    assert bad.status_code == 400
    good = await client.post("/people", json={"name": "Ada", "age": 36})
    body = await good.get_json()
    print("Quart-Schema, good data:", good.status_code, body)
    assert body == {"text": "hi Ada", "next_age": 37}


asyncio.run(main())
