"""Litestar: litestar-users adds registration, verification, JWT login, password reset and role guards."""

FRAMEWORK = "litestar"
CRITERION = "authentication-and-permissions"
SHOWS = "claim"
REQUIRES = [
    "litestar-users==2.0.1",
    "advanced-alchemy==1.12.0",
    "sqlalchemy==2.1.9",
    "aiosqlite==0.22.1",
    "httpx==0.29.0",
]

from dataclasses import dataclass
from typing import Any

from advanced_alchemy.base import UUIDBase, orm_registry
from advanced_alchemy.extensions.litestar.dto import SQLAlchemyDTO, SQLAlchemyDTOConfig
from advanced_alchemy.extensions.litestar.plugins import SQLAlchemyAsyncConfig, SQLAlchemyInitPlugin
from advanced_alchemy.repository import SQLAlchemyAsyncRepository
from litestar import Litestar, Request, get
from litestar.dto import DataclassDTO
from litestar.testing import TestClient
from litestar_users import JWTAuthConfig, LitestarUsersConfig, LitestarUsersPlugin
from litestar_users.config import (
    AuthHandlerConfig,
    PasswordResetHandlerConfig,
    RegisterHandlerConfig,
    RoleManagementHandlerConfig,
    VerificationHandlerConfig,
)
from litestar_users.guards import roles_accepted
from litestar_users.mixins import SQLAlchemyRoleMixin, SQLAlchemyUserMixin
from litestar_users.password import PasswordManager
from litestar_users.service import BaseUserService
from sqlalchemy import Column, ForeignKey, Table
from sqlalchemy.orm import Mapped, relationship

SECRET = "0123456789abcdef0123456789abcdef"  # litestar-users wants 16, 24 or 32 characters
SENT = {}  # the tokens the service would e-mail

user_role = Table(
    "user_role",
    orm_registry.metadata,
    Column("user_id", ForeignKey("user.id", ondelete="CASCADE"), primary_key=True),
    Column("role_id", ForeignKey("role.id", ondelete="CASCADE"), primary_key=True),
)


class Role(UUIDBase, SQLAlchemyRoleMixin):
    pass


class User(UUIDBase, SQLAlchemyUserMixin):
    roles: Mapped[list[Role]] = relationship(secondary="user_role", lazy="selectin")


@dataclass
class Registration:
    email: str
    password: str


class RegistrationDTO(DataclassDTO[Registration]):
    pass


class UserReadDTO(SQLAlchemyDTO[User]):
    config = SQLAlchemyDTOConfig(exclude={"password_hash", "roles"})


class UserUpdateDTO(SQLAlchemyDTO[User]):
    config = SQLAlchemyDTOConfig(exclude={"id", "password_hash", "roles"}, partial=True)


class RoleCreateDTO(SQLAlchemyDTO[Role]):
    config = SQLAlchemyDTOConfig(exclude={"id"})


class RoleReadDTO(SQLAlchemyDTO[Role]):
    pass


class RoleUpdateDTO(SQLAlchemyDTO[Role]):
    config = SQLAlchemyDTOConfig(exclude={"id"}, partial=True)


class UserRepository(SQLAlchemyAsyncRepository[User]):
    model_type = User


class RoleRepository(SQLAlchemyAsyncRepository[Role]):
    model_type = Role


class UserService(BaseUserService[User, Role, Any]):
    async def send_verification_token(self, user, token):
        SENT["verify"] = token

    async def send_password_reset_token(self, user, token):
        SENT["reset"] = token


db = SQLAlchemyAsyncConfig(connection_string="sqlite+aiosqlite:///./users.db", before_send_handler="autocommit")


async def create_tables_and_admin():
    async with db.get_engine().begin() as connection:
        await connection.run_sync(UUIDBase.metadata.create_all)
    async with db.get_session() as session:  # the first administrator, as `litestar users create-user` would add it
        admin_role = Role(name="administrator")
        hashed = PasswordManager().hash("admin password")
        session.add(
            User(email="admin@example.com", password_hash=hashed, is_active=True, is_verified=True, roles=[admin_role])
        )
        await session.commit()


@get("/me")
async def me(request: Request) -> dict:
    return {"email": request.user.email}


@get("/editor", guards=[roles_accepted("editor")])
async def editor_page() -> str:
    return "editor only"


users = LitestarUsersPlugin(
    LitestarUsersConfig(
        auth_config=JWTAuthConfig(),
        secret=SECRET,
        user_repository_class=UserRepository,
        user_service_class=UserService,
        user_registration_dto=RegistrationDTO,
        user_read_dto=UserReadDTO,
        user_update_dto=UserUpdateDTO,
        auth_handler_config=AuthHandlerConfig(),
        register_handler_config=RegisterHandlerConfig(),
        verification_handler_config=VerificationHandlerConfig(),
        password_reset_handler_config=PasswordResetHandlerConfig(),
        role_management_handler_config=RoleManagementHandlerConfig(
            role_repository_class=RoleRepository,
            role_create_dto=RoleCreateDTO,
            role_read_dto=RoleReadDTO,
            role_update_dto=RoleUpdateDTO,
            guards=[roles_accepted("administrator")],
        ),
    )
)

app = Litestar(
    [me, editor_page],
    on_startup=[create_tables_and_admin],
    plugins=[SQLAlchemyInitPlugin(db), users],
    logging_config=None,  # keeps the test client's request log out of the output
)


def login(client, email, password):
    return client.post("/login", json={"email": email, "password": password})


with TestClient(app) as client:
    anonymous = client.get("/me")
    print("anonymous /me:", anonymous.status_code)
    assert anonymous.status_code == 401

    registered = client.post("/register", json={"email": "ann@example.com", "password": "correct horse"})
    print("register:", registered.status_code, sorted(registered.json()))
    assert registered.status_code == 201 and "password_hash" not in registered.json()
    ann_id = registered.json()["id"]

    unverified = login(client, "ann@example.com", "correct horse")
    print("login before verifying the e-mail:", unverified.status_code, unverified.json()["detail"])
    assert unverified.status_code == 403

    verified = client.post("/verify", params={"token": SENT["verify"]})
    print("verify with the e-mailed token:", verified.status_code, verified.json()["is_verified"])
    assert verified.status_code == 201 and verified.json()["is_verified"] is True

    wrong = login(client, "ann@example.com", "wrong")
    print("login, wrong password:", wrong.status_code)
    assert wrong.status_code == 401

    signed_in = login(client, "ann@example.com", "correct horse")
    ann = {"Authorization": signed_in.headers["Authorization"]}
    print("login:", signed_in.status_code, signed_in.headers["Authorization"].split(".")[0][:10] + "...")
    assert signed_in.status_code == 201

    mine = client.get("/me", headers=ann)
    print("signed-in /me:", mine.status_code, mine.json())
    assert mine.status_code == 200 and mine.json() == {"email": "ann@example.com"}

    forbidden = client.get("/editor", headers=ann)
    print("/editor without the role:", forbidden.status_code)
    assert forbidden.status_code == 403

    not_admin = client.post("/users/roles", headers=ann, json={"name": "editor"})
    print("ann creating a role:", not_admin.status_code)
    assert not_admin.status_code == 403

    admin = {"Authorization": login(client, "admin@example.com", "admin password").headers["Authorization"]}
    role = client.post("/users/roles", headers=admin, json={"name": "editor", "description": "edits"})
    print("admin creates role:", role.status_code, role.json()["name"])
    assert role.status_code == 201
    assigned = client.put("/users/roles/assign", headers=admin, json={"user_id": ann_id, "role_id": role.json()["id"]})
    print("admin assigns it to ann:", assigned.status_code)
    assert assigned.status_code == 200

    allowed = client.get("/editor", headers=ann)
    print("/editor with the role:", allowed.status_code, allowed.text)
    assert allowed.status_code == 200 and allowed.text == "editor only"

    forgot = client.post("/forgot-password", json={"email": "ann@example.com"})
    reset = client.post("/reset-password", json={"token": SENT["reset"], "password": "new horse"})
    print("forgot/reset password:", forgot.status_code, reset.status_code)
    assert forgot.status_code == 201 and reset.status_code == 201
    old, new = login(client, "ann@example.com", "correct horse"), login(client, "ann@example.com", "new horse")
    print("login after reset, old/new password:", old.status_code, new.status_code)
    assert old.status_code == 401 and new.status_code == 201
