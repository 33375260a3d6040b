"""FastAPI: FastAPI Users adds registration, JWT login and a current_user guard to a FastAPI app."""

FRAMEWORK = "fastapi"
CRITERION = "authentication-and-permissions"
SHOWS = "claim"
REQUIRES = [
    "fastapi-users==15.0.5",
    "fastapi-users-db-sqlalchemy==7.0.0",
    "aiosqlite==0.22.1",
    "httpx==0.28.1",
    "httpx2==2.16.2",
]

import uuid
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient
from fastapi_users import BaseUserManager, FastAPIUsers, UUIDIDMixin, schemas
from fastapi_users.authentication import AuthenticationBackend, BearerTransport, JWTStrategy
from fastapi_users_db_sqlalchemy import SQLAlchemyBaseUserTableUUID, SQLAlchemyUserDatabase
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase

SECRET = "probe-secret-that-is-long-enough-for-hs256"


class Base(DeclarativeBase):
    pass


class User(SQLAlchemyBaseUserTableUUID, Base):
    pass


engine = create_async_engine("sqlite+aiosqlite:///./users.db")
sessions = async_sessionmaker(engine, expire_on_commit=False)


async def user_db():
    async with sessions() as session:
        yield SQLAlchemyUserDatabase(session, User)


class UserManager(UUIDIDMixin, BaseUserManager[User, uuid.UUID]):
    reset_password_token_secret = SECRET
    verification_token_secret = SECRET


async def user_manager(db: Annotated[SQLAlchemyUserDatabase, Depends(user_db)]):
    yield UserManager(db)


backend = AuthenticationBackend(
    name="jwt",
    transport=BearerTransport(tokenUrl="auth/jwt/login"),
    get_strategy=lambda: JWTStrategy(secret=SECRET, lifetime_seconds=3600),
)
users = FastAPIUsers[User, uuid.UUID](user_manager, [backend])


@asynccontextmanager
async def lifespan(app):
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    yield


app = FastAPI(lifespan=lifespan)
app.include_router(users.get_register_router(schemas.BaseUser[uuid.UUID], schemas.BaseUserCreate), prefix="/auth")
app.include_router(users.get_auth_router(backend), prefix="/auth/jwt")


@app.get("/me")
def me(user: Annotated[User, Depends(users.current_user(active=True))]):
    return {"email": user.email}


with TestClient(app) as client:
    anonymous = client.get("/me")
    print("anonymous:", anonymous.status_code)
    assert anonymous.status_code == 401

    registered = client.post("/auth/register", json={"email": "ann@example.com", "password": "correct horse"})
    print("register:", registered.status_code, sorted(registered.json()))
    assert registered.status_code == 201 and "hashed_password" not in registered.json()

    wrong = client.post("/auth/jwt/login", data={"username": "ann@example.com", "password": "wrong"})
    print("login, wrong password:", wrong.status_code)
    assert wrong.status_code == 400

    login = client.post("/auth/jwt/login", data={"username": "ann@example.com", "password": "correct horse"})
    token = login.json()["access_token"]
    print("login:", login.status_code, login.json()["token_type"])

    signed_in = client.get("/me", headers={"Authorization": f"Bearer {token}"})
    print("signed in:", signed_in.status_code, signed_in.json())
    assert signed_in.json() == {"email": "ann@example.com"}
