"""History records of rows written in bulk, copied by the database itself (INSERT … SELECT).

django-simple-history's `bulk_history_create` builds a Python model object per
record and inserts them one batch at a time. For an import that was a quarter
of the time (an import of 100,000 cells writes some 210,000 history records:
22 of 79 seconds here, see docs/benchmarks.md). Here the database copies each
row's tracked columns into its history table, so a record is exactly the row
as stored, as a save would have recorded it; the columns come from
simple-history's own `tracked_fields`, so they follow the model. Single saves
still go through simple-history's signals.
"""

from collections import defaultdict

from django.db import connection
from django.utils import timezone

BATCH_SIZE = 1_000


def copy_history(model, ids_by_reason: dict[str, list[int]], *, history_type: str) -> list[tuple[int, int]]:
    """Record the rows `ids_by_reason` names as they are stored now; returns (row id, history id) pairs.

    `history_type` is simple-history's "+" (created) or "~" (changed); the keys of
    `ids_by_reason` are the change reasons.
    """
    history_model = model.history.model
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in history_model.tracked_fields)
    pk = quote(model._meta.pk.column)
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
                    f"WHERE {pk} IN ({', '.join(['%s'] * len(batch))}) RETURNING {pk}, history_id",
                    [now, reason, history_type, *batch],
                )
                pairs += cursor.fetchall()
    return pairs


def copy_m2m_history(model, field_name: str, records: list[tuple[int, int]]) -> None:
    """Snapshot the many-to-many links of just-recorded rows, as simple-history's `m2m_fields` would."""
    if not records:
        return
    history_model = model.history.model
    through = getattr(model, field_name).through
    m2m_history = history_model._meta.get_field(f"{history_model._meta.model_name}_{field_name}").related_model
    own = model._meta.model_name
    history_ids = defaultdict(list)
    for row_id, history_id in records:
        history_ids[row_id].append(history_id)
    links = through.objects.filter(**{f"{own}_id__in": list(history_ids)})
    m2m_history.objects.bulk_create(
        [
            m2m_history(
                history_id=history_id,
                **{column.attname: getattr(link, column.attname) for column in through._meta.fields},
            )
            for link in links
            for history_id in history_ids[getattr(link, f"{own}_id")]
        ],
        batch_size=BATCH_SIZE,
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
