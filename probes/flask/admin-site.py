"""Flask: Flask ships no admin; Flask-Admin generates list and create views for a SQLAlchemy model."""

FRAMEWORK = "flask"
CRITERION = "admin-site"
SHOWS = "claim"
REQUIRES = ["Flask-Admin==2.2.1", "Flask-SQLAlchemy==3.1.1", "SQLAlchemy==2.1.9"]

import importlib.util

from flask import Flask
from flask_admin import Admin
from flask_admin.contrib.sqla import ModelView
from flask_sqlalchemy import SQLAlchemy

print("flask.admin module:", importlib.util.find_spec("flask.admin"))
assert importlib.util.find_spec("flask.admin") is None

app = Flask(__name__)
app.config.update(SQLALCHEMY_DATABASE_URI="sqlite://", SECRET_KEY="probe")
db = SQLAlchemy(app)


class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80), nullable=False)


admin = Admin(app, name="Probe admin")
admin.add_view(ModelView(Author, db))

with app.app_context():
    db.create_all()
    db.session.add(Author(name="Ada Lovelace"))
    db.session.commit()

client = app.test_client()
listing = client.get("/admin/author/")
print("list view:", listing.status_code, "Ada Lovelace" in listing.get_data(as_text=True))
assert listing.status_code == 200 and "Ada Lovelace" in listing.get_data(as_text=True)

created = client.post("/admin/author/new/", data={"name": "Grace Hopper"})
print("create view:", created.status_code)
with app.app_context():
    names = sorted(a.name for a in Author.query.all())
print("rows now:", names)
assert names == ["Ada Lovelace", "Grace Hopper"]
