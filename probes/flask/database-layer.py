"""Flask: no ORM in core; Flask-SQLAlchemy binds SQLAlchemy models to the app and serves them from a view."""

FRAMEWORK = "flask"
CRITERION = "database-layer"
SHOWS = "claim"
REQUIRES = ["Flask-SQLAlchemy==3.1.1", "SQLAlchemy==2.1.9"]

import importlib.metadata

from flask import Flask
from flask_sqlalchemy import SQLAlchemy

deps = [r.split(";")[0] for r in importlib.metadata.requires("flask") or []]
print("Flask requirements:", deps)
assert not any("sqlalchemy" in d.lower() for d in deps)

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db = SQLAlchemy(app)


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(100), nullable=False)


@app.post("/books/<title>")
def add(title):
    db.session.add(Book(title=title))
    db.session.commit()
    return {"count": db.session.scalar(db.select(db.func.count(Book.id)))}


with app.app_context():
    db.create_all()
client = app.test_client()
client.post("/books/Dune")
data = client.post("/books/Emma").get_json()
print("rows after two inserts:", data)
assert data == {"count": 2}
