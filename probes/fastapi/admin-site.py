"""FastAPI: no admin in the package; SQLAdmin attaches a model-based CRUD admin to a FastAPI app."""

FRAMEWORK = "fastapi"
CRITERION = "admin-site"
SHOWS = "claim"
REQUIRES = ["sqladmin==0.32.0", "sqlalchemy==2.1.9", "greenlet==3.5.6", "httpx==0.28.1", "httpx2==2.16.2"]

import importlib.util

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqladmin import Admin, ModelView
from sqlalchemy import Integer, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.pool import StaticPool

absent = [m for m in ("fastapi.admin", "fastapi.contrib") if importlib.util.find_spec(m) is None]
print("modules absent from fastapi:", absent)
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


class BookAdmin(ModelView, model=Book):
    column_list = [Book.id, Book.title]


app = FastAPI()
admin = Admin(app, engine)
admin.add_view(BookAdmin)

client = TestClient(app)
listing = client.get("/admin/book/list")
create_form = client.get("/admin/book/create")
print(
    "list:", listing.status_code, "has row:", "Probe Handbook" in listing.text, "create form:", create_form.status_code
)
assert listing.status_code == 200 and "Probe Handbook" in listing.text
assert create_form.status_code == 200 and 'name="title"' in create_form.text
