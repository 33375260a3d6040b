"""Starlette: no admin in core; starlette-admin mounts model-based CRUD views for SQLAlchemy models."""

FRAMEWORK = "starlette"
CRITERION = "admin-site"
SHOWS = "claim"
REQUIRES = [
    "starlette-admin==1.0.3",
    "sqlalchemy==2.1.9",
    "greenlet==3.5.6",
    "jinja2==3.1.6",
    "httpx==0.28.1",
    "httpx2==2.16.2",
]

import importlib.util

from sqlalchemy import Integer, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.pool import StaticPool
from starlette.applications import Starlette
from starlette.testclient import TestClient
from starlette_admin.contrib.sqla import Admin, ModelView

absent = [m for m in ("starlette.admin", "starlette.contrib") if importlib.util.find_spec(m) is None]
print("modules absent from starlette:", absent)
assert len(absent) == 2


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(50))


engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(Book(title="Probe Handbook"))
    s.commit()

app = Starlette()
admin = Admin(engine, title="Probe Admin", secret_key="probe-secret")
admin.add_view(ModelView(Book))
admin.mount_to(app)

client = TestClient(app)
listing = client.get("/admin/book/list")
create_form = client.get("/admin/book/create")
print(
    "list:", listing.status_code, "has row:", "Probe Handbook" in listing.text, "create form:", create_form.status_code
)
assert listing.status_code == 200 and "Probe Admin" in listing.text and "Probe Handbook" in listing.text
assert create_form.status_code == 200 and 'name="title"' in create_form.text
