"""Django: contrib.auth hashes passwords, logs users in through its LoginView and checks model permissions."""

FRAMEWORK = "django"
CRITERION = "authentication-and-permissions"
SHOWS = "presence"
REQUIRES = []

import django
from django.conf import settings

settings.configure(
    SECRET_KEY="probe",
    ALLOWED_HOSTS=["testserver"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes", "django.contrib.sessions"],
    MIDDLEWARE=[
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
    ],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    LOGIN_REDIRECT_URL="/whoami/",
    TEMPLATES=[
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "loaders": [("django.template.loaders.locmem.Loader", {"registration/login.html": "{{ form.errors }}"})]
            },
        }
    ],
)
django.setup()

from django.contrib.auth import views as auth_views
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client
from django.urls import path


def whoami(request):
    return HttpResponse(request.user.username if request.user.is_authenticated else "anonymous")


urlpatterns = [path("login/", auth_views.LoginView.as_view()), path("whoami/", whoami)]
call_command("migrate", verbosity=0)

user = User.objects.create_user("ada", password="s3cret-pass")
print("stored password:", user.password.split("$")[0], "...")
assert user.password.startswith("pbkdf2_sha256$") and user.check_password("s3cret-pass")

client = Client()
bad = client.post("/login/", {"username": "ada", "password": "wrong"})
good = client.post("/login/", {"username": "ada", "password": "s3cret-pass"})
print("wrong password:", bad.status_code, "right password:", good.status_code, good.headers.get("Location"))
assert bad.status_code == 200 and b"correct username and password" in bad.content
assert good.status_code == 302
print("after login:", client.get("/whoami/").content)
assert client.get("/whoami/").content == b"ada"

editors = Group.objects.create(name="editors")
editors.permissions.add(Permission.objects.get(codename="change_group"))
print("before group:", user.has_perm("auth.change_group"))
assert not user.has_perm("auth.change_group")
user.groups.add(editors)
user = User.objects.get(pk=user.pk)  # permissions are cached per instance
print("in editors:", user.has_perm("auth.change_group"), "delete:", user.has_perm("auth.delete_group"))
assert user.has_perm("auth.change_group") and not user.has_perm("auth.delete_group")
