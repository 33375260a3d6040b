"""New assessments inserted with PostgreSQL's COPY: the one place an import leaves the ORM's bulk_create.

Measured on this project's benchmark machine, 500 new assessments (a kilobyte of
Markdown and its HTML each) took 88 ms through `bulk_create` and 13 ms through
COPY: bulk_create prepares every value in Python, psycopg escapes each text
array in Python, and the server parses one large array literal per column. At
300,000 cells that is some 30 seconds of a three-minute import. The values are
prepared by the fields themselves (`pre_save`, `get_db_prep_save`), as an
INSERT would have them; COPY returns no ids, so they are read back by the rows'
unique key. Other databases insert through bulk_create.
"""

from django.db import connection

BATCH_SIZE = 1_000


def insert_new_rows(model, rows: list, *, key: tuple[str, ...]) -> None:
    """Insert unsaved `rows` of `model` and set their ids; `key` names fields that are unique together."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        return
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    statement = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row([field.get_db_prep_save(field.pre_save(row, True), connection) for field in fields])
    lookup = {f"{name}__in": {getattr(row, name) for row in rows} for name in key}
    ids = {values[:-1]: values[-1] for values in model.objects.filter(**lookup).values_list(*key, "pk")}
    for row in rows:
        row.pk = ids[tuple(getattr(row, name) for name in key)]
        row._state.adding, row._state.db = False, connection.alias
