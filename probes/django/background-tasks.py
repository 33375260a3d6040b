"""Django: django.tasks defines and enqueues tasks, but ships only the Immediate and Dummy backends and no worker."""

FRAMEWORK = "django"
CRITERION = "background-tasks"
SHOWS = "presence"
REQUIRES = []

import importlib.util
import pkgutil

spec = importlib.util.find_spec("django.tasks")
print("django.tasks module:", bool(spec))
assert spec is not None, "this Django release has no django.tasks"

import django
from django.conf import settings

settings.configure(SECRET_KEY="probe", INSTALLED_APPS=[])
django.setup()

import django.tasks.backends
from django.core.management import get_commands
from django.tasks import task, task_backends


@task
def add(a, b):
    return a + b


result = add.enqueue(2, 3)
backend = type(task_backends["default"]).__name__
print("default backend:", backend, "status:", result.status, "value:", result.return_value)
assert backend == "ImmediateBackend"
assert result.return_value == 5

# The stated limit: only development backends ship, and there is no worker command.
backends = sorted(m.name for m in pkgutil.iter_modules(django.tasks.backends.__path__))
workers = sorted(c for c in get_commands() if "task" in c or "worker" in c)
print("shipped backends:", backends, "worker-like commands:", workers)
assert set(backends) <= {"base", "dummy", "immediate"}
assert workers == []
