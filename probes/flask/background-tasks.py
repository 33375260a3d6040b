"""Flask: no task API in core; a Celery worker runs a task inside the Flask app context."""

FRAMEWORK = "flask"
CRITERION = "background-tasks"
SHOWS = "claim"
REQUIRES = ["celery==5.7.0"]

from celery import Celery, Task
from celery.contrib.testing.worker import start_worker
from flask import Flask, current_app

print("Flask.add_background_task:", hasattr(Flask, "add_background_task"))
assert not hasattr(Flask, "add_background_task")

app = Flask(__name__)
app.config["GREETING"] = "from-flask-config"


class AppContextTask(Task):
    def __call__(self, *args, **kwargs):
        with app.app_context():
            return self.run(*args, **kwargs)


celery = Celery("probe", broker="memory://", backend="cache+memory://", task_cls=AppContextTask)


@celery.task
def greet(name):
    return f"{current_app.config['GREETING']} {name}"


@app.post("/jobs")
def submit():
    return {"id": greet.delay("ada").id}


with start_worker(celery, pool="solo", perform_ping_check=False):
    job_id = app.test_client().post("/jobs").get_json()["id"]
    result = celery.AsyncResult(job_id).get(timeout=20)
print("task result:", result)
assert result == "from-flask-config ada"
