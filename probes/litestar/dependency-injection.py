"""Litestar: layered Provide() dependencies, nested and cached, generator cleanup seeing errors, overrides by layer."""

FRAMEWORK = "litestar"
CRITERION = "dependency-injection"
SHOWS = "claim"
REQUIRES = ["httpx==0.27.2"]  # older releases' test clients pass app=, which httpx 0.28 removed

import warnings

from litestar import Controller, Litestar, get
from litestar.di import NamedDependency, Provide
from litestar.testing import TestClient, create_test_client

log = []


def settings() -> dict:
    log.append("settings")
    return {"dsn": "real"}


def session(settings: NamedDependency[dict]):  # depends on another dependency
    state = {"dsn": settings["dsn"]}
    try:
        yield state
    except ValueError as exc:
        log.append(f"rollback ({exc})")  # the handler's exception is thrown into the generator
        raise
    finally:
        log.append("closed")


class Items(Controller):
    path = "/items"
    dependencies = {"settings": Provide(lambda: {"dsn": "controller"}, sync_to_thread=False)}  # overrides the app's

    @get("/", sync_to_thread=False)
    def items(self, session: NamedDependency[dict]) -> dict:
        return session

    @get("/fail", sync_to_thread=False)
    def fail(self, session: NamedDependency[dict]) -> None:
        raise ValueError("boom")


@get("/top", sync_to_thread=False)
def top(session: NamedDependency[dict], settings: NamedDependency[dict]) -> dict:
    return {"session": session, "same_settings": settings["dsn"]}


deps = {"settings": Provide(settings, use_cache=True, sync_to_thread=False), "session": Provide(session)}
with TestClient(Litestar([top, Items], dependencies=deps)) as client:
    print("/top:", client.get("/top").json(), log)
    assert client.get("/top").json() == {"session": {"dsn": "real"}, "same_settings": "real"}
    assert log.count("settings") == 1, "use_cache=True: computed once"
    print("/items (controller layer overrides 'settings'):", client.get("/items").json())
    assert client.get("/items").json() == {"dsn": "controller"}
    log.clear()
    print("/items/fail:", client.get("/items/fail").status_code, log)
    assert log == ["rollback (boom)", "closed"]

with create_test_client(
    [top], dependencies={**deps, "settings": Provide(lambda: {"dsn": "test"}, sync_to_thread=False)}
) as client:
    print("create_test_client override:", client.get("/top").json())
    assert client.get("/top").json()["session"] == {"dsn": "test"}

try:
    Litestar([top])  # NamedDependency without a provider fails at startup
except Exception as exc:
    print("missing provider at startup:", type(exc).__name__, str(exc)[:100])
else:
    raise AssertionError("an app with an unprovided NamedDependency was built")


@get("/legacy", sync_to_thread=False)
def legacy(settings: dict) -> dict:  # matched by name alone
    return settings


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    Litestar([legacy], dependencies=deps)
messages = [str(w.message) for w in caught if "Inferred dependency" in str(w.message)]
print("name-only matching:", messages)
assert messages and "stop working in Litestar 3.0" in messages[0]
