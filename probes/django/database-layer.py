"""Django: models map to tables and QuerySets build SQL lazily, with no third-party ORM."""

FRAMEWORK = "django"
CRITERION = "database-layer"
SHOWS = "presence"
REQUIRES = []

import django
from django.conf import settings

settings.configure(
    INSTALLED_APPS=[],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
)
django.setup()

from django.db import connection, models
from django.test.utils import CaptureQueriesContext


class Author(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = "probe"

    def __str__(self):
        return str(self.pk)


class Book(models.Model):
    title = models.CharField(max_length=80)
    author = models.ForeignKey(Author, on_delete=models.CASCADE)
    pages = models.IntegerField()

    class Meta:
        app_label = "probe"

    def __str__(self):
        return str(self.pk)


with connection.schema_editor() as editor:
    editor.create_model(Author)
    editor.create_model(Book)

ann = Author.objects.create(name="Ann")
Book.objects.create(title="Short", author=ann, pages=90)
Book.objects.create(title="Long", author=ann, pages=900)

with CaptureQueriesContext(connection) as queries:
    qs = Book.objects.filter(pages__gt=100).select_related("author").order_by("title")
    print("queries after building the QuerySet:", len(queries))
    assert len(queries) == 0
    rows = [(b.title, b.author.name) for b in qs]
print("rows:", rows, "queries:", len(queries))
print("SQL:", queries[0]["sql"])
assert rows == [("Long", "Ann")] and len(queries) == 1 and "JOIN" in queries[0]["sql"]
