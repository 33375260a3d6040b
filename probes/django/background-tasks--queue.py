"""Django: with django-tasks-db, a task enqueued through django.tasks waits in the database until db_worker runs it."""

FRAMEWORK = "django"
CRITERION = "background-tasks"
SHOWS = "claim"
REQUIRES = ["django-tasks-db==0.13.0"]

import django
from django.conf import settings

settings.configure(
    SECRET_KEY="probe",
    INSTALLED_APPS=["django_tasks_db"],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "tasks.sqlite3"}},
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
    USE_TZ=True,
)
django.setup()

from django.core.management import call_command
from django.tasks import TaskResultStatus, task

call_command("migrate", verbosity=0)


@task
def add(a, b):
    return a + b


result = add.enqueue(2, 3)
print("enqueued:", result.status, "backend:", result.backend)
assert result.status == TaskResultStatus.READY, "the task waits for a worker, it did not run inline"

call_command("db_worker", "--batch", verbosity=0)
result.refresh()
print("after db_worker --batch:", result.status, "return value:", result.return_value)
assert result.status == TaskResultStatus.SUCCESSFUL and result.return_value == 5
