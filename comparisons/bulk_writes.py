"""Rows written in bulk: new rows through PostgreSQL's COPY, history records copied by the database.

Two measured shortcuts past the ORM, for the import (hundreds of thousands of
rows) and the services it shares with the API:

- `insert_new_rows`, for rows with long texts (the import's criteria,
  assessments and key differences): 500 new assessments (a kilobyte of
  Markdown and its HTML each) took 88 ms through `bulk_create` and 13 ms
  through COPY here: bulk_create prepares every value in Python, psycopg
  escapes each text array in Python, and the server parses one large array
  literal per column. The values are prepared by the fields themselves
  (`pre_save`, `get_db_prep_save`), as an INSERT would have them; COPY returns
  no ids, so they are read back by the rows' unique key. For narrow rows
  (sources: 4,000 took 67 ms with bulk_create, 123 ms this way) the preparing
  and reading back cost more than COPY saves, so they use bulk_create, as do
  other databases.
- `insert_children`, for the narrow rows many of which hang off each new or
  changed row (an assessment's sources): plain values go straight into COPY,
  with no model instance per row and no ids to read back, since their history
  is recorded by their parent's id. 8,000 sources with their history records
  took 350–390 ms as instances through `bulk_create` and 140 ms this way.
- `copy_history`: django-simple-history's `bulk_history_create` builds a Python
  object per record; for an import of 100,000 cells (some 210,000 records) that
  was 22 of 79 seconds. Here the database copies each row's tracked columns
  into its history table (INSERT … SELECT), so a record is exactly the row as
  stored; the columns are simple-history's own `tracked_fields`, so they follow
  the model. Single saves still go through simple-history's signals.
"""

from collections import defaultdict

from django.db import connection
from django.utils import timezone

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


def insert_children(model, parent: str, columns: tuple[str, ...], rows: list[tuple], reason: str = "Added") -> None:
    """Insert new rows of `model`, given as tuples of plain values for `columns`, each with a history record.

    `parent` names the foreign key (one of `columns`) that the rows hang off: the
    caller has removed every other row of those parents, so the parents' rows
    are exactly the new ones, and their history is recorded by parent id.
    """
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in columns]
    if connection.vendor != "postgresql":
        names = [field.attname for field in fields]
        model.objects.bulk_create([model(**dict(zip(names, row, strict=True))) for row in rows], batch_size=BATCH_SIZE)
    else:
        quote = connection.ops.quote_name
        statement = f"COPY {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
    parent_ids = list(dict.fromkeys(row[columns.index(parent)] for row in rows))
    copy_history(model, {reason: parent_ids}, history_type="+", by=model._meta.get_field(parent).column)


def copy_history(
    model, ids_by_reason: dict[str, list[int]], *, history_type: str, by: str | None = None
) -> list[tuple[int, int]]:
    """Record the rows `ids_by_reason` names as they are stored now; returns (row id, history id) pairs.

    `history_type` is simple-history's "+" (created) or "~" (changed); the keys of
    `ids_by_reason` are the change reasons. The ids are the rows' own, or those
    of the column `by` (every row with one of those values is recorded).
    """
    history_model = model.history.model
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in history_model.tracked_fields)
    pk = quote(model._meta.pk.column)
    where = quote(by) if by else pk
    now = timezone.now()
    pairs = []
    with connection.cursor() as cursor:
        for reason, ids in ids_by_reason.items():
            for start in range(0, len(ids), BATCH_SIZE):
                batch = ids[start : start + BATCH_SIZE]
                cursor.execute(
                    f"INSERT INTO {quote(history_model._meta.db_table)} "  # noqa: S608 (names from the models)
                    f"({columns}, history_date, history_change_reason, history_type, history_user_id) "
                    f"SELECT {columns}, %s, %s, %s, NULL FROM {quote(model._meta.db_table)} "
                    f"WHERE {where} IN ({', '.join(['%s'] * len(batch))}) RETURNING {pk}, history_id",
                    [now, reason, history_type, *batch],
                )
                pairs += cursor.fetchall()
    return pairs


def copy_m2m_history(model, field_name: str, records: list[tuple[int, int]]) -> None:
    """Snapshot the many-to-many links of just-recorded rows, as simple-history's `m2m_fields` would.

    `records` are (row id, history id) pairs from `copy_history`; the links are copied by the database too.
    """
    history_model = model.history.model
    through = getattr(model, field_name).through
    m2m_history = history_model._meta.get_field(f"{history_model._meta.model_name}_{field_name}").related_model
    own = through._meta.get_field(model._meta.model_name).column
    quote = connection.ops.quote_name
    columns = [quote(column.column) for column in through._meta.fields]
    history_ids = [history_id for _, history_id in records]
    with connection.cursor() as cursor:
        for start in range(0, len(history_ids), BATCH_SIZE):
            batch = history_ids[start : start + BATCH_SIZE]
            cursor.execute(
                f"INSERT INTO {quote(m2m_history._meta.db_table)} ({', '.join(columns)}, history_id) "  # noqa: S608
                f"SELECT {', '.join(f'link.{column}' for column in columns)}, record.history_id "
                f"FROM {quote(through._meta.db_table)} link JOIN {quote(history_model._meta.db_table)} record "
                f"ON record.{quote(model._meta.pk.column)} = link.{quote(own)} "
                f"WHERE record.history_id IN ({', '.join(['%s'] * len(batch))})",
                batch,
            )


def create_with_history(model, rows, reason: str = "Added") -> None:
    """Insert new rows in bulk, each with its first history record."""
    model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    record_created(model, rows, reason)


def update_with_history(model, rows, fields: list[str], reason: str) -> None:
    """Update rows in bulk, each with a history record giving `reason`."""
    model.objects.bulk_update(rows, fields, batch_size=BATCH_SIZE)
    record_changed(model, [(row, reason) for row in rows])


def record_created(model, rows, reason: str = "Added") -> list[tuple[int, int]]:
    """History records ("+") of rows just inserted."""
    return copy_history(model, {reason: [row.pk for row in rows]}, history_type="+") if rows else []


def record_changed(model, rows_with_reasons) -> list[tuple[int, int]]:
    """History records ("~") of rows just updated: (row, change reason) pairs."""
    ids_by_reason = defaultdict(list)
    for row, reason in rows_with_reasons:
        ids_by_reason[reason].append(row.pk)
    return copy_history(model, ids_by_reason, history_type="~") if ids_by_reason else []
