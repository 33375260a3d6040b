"""Flask: no login system in core; Flask-Login logs a user in and guards a view with login_required."""

FRAMEWORK = "flask"
CRITERION = "authentication-and-permissions"
SHOWS = "claim"
REQUIRES = ["Flask-Login==0.6.3"]

import flask
from flask import Flask
from flask_login import LoginManager, UserMixin, current_user, login_required, login_user

core = [n for n in ("login_required", "login_user", "current_user", "LoginManager") if hasattr(flask, n)]
print("login helpers in flask itself:", core)
assert core == []

app = Flask(__name__)
app.secret_key = "probe-secret"
manager = LoginManager(app)


class User(UserMixin):
    def __init__(self, uid):
        self.id = uid


@manager.user_loader
def load_user(uid):
    return User(uid) if uid == "7" else None


@app.post("/login")
def login():
    login_user(User("7"))
    return "logged in"


@app.get("/private")
@login_required
def private():
    return f"hello user {current_user.id}"


client = app.test_client()
before = client.get("/private")
print("before login:", before.status_code)
assert before.status_code == 401
client.post("/login")
after = client.get("/private")
print("after login:", after.status_code, after.get_data(as_text=True))
assert after.status_code == 200 and after.get_data(as_text=True) == "hello user 7"
