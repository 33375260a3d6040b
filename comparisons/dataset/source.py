"""A dataset to import: everything but its assessments in memory, the assessments read as a stream.

A real matrix can hold hundreds of thousands of cells; parsed at once, their
Python objects take several times the file's size. A file is therefore read
with ijson (a streaming JSON parser with a C backend): one pass keeps the small
top-level parts, and the assessments are read again, row by row, each time the
import goes through them (once to check, once to write).
"""

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import ijson

from .validation import DatasetInvalid, ImportReport

ROWS_KEY = "assessments"


@dataclass(frozen=True)
class Dataset:
    """`head`: the document without its assessments (`[]` in their place); `rows()` reads the assessments again."""

    head: object
    read_rows: Callable[[], Iterable[dict]]

    @classmethod
    def from_data(cls, data) -> "Dataset":
        """A dataset already parsed, such as a test's dictionary."""
        if not isinstance(data, dict) or not isinstance(data.get(ROWS_KEY), list):
            return cls(head=data, read_rows=list)
        return cls(head={**data, ROWS_KEY: []}, read_rows=lambda: data[ROWS_KEY])

    @classmethod
    def from_file(cls, path: Path) -> "Dataset":
        with path.open("rb") as file, _json_errors_reported():
            head = _read_head(file)
        if not isinstance(head, dict) or head.get(ROWS_KEY) != []:
            return cls(head=head, read_rows=list)

        def read_rows() -> Iterator[dict]:
            with path.open("rb") as file, _json_errors_reported():
                yield from ijson.items(file, f"{ROWS_KEY}.item", use_float=True)

        return cls(head=head, read_rows=read_rows)

    def rows(self) -> Iterator[tuple[int, dict]]:
        """(index, row) of every assessment, in the file's order."""
        return enumerate(self.read_rows())


def _read_head(file) -> object:
    """The document with `[]` for its assessments array, which is skipped rather than built."""
    events = ijson.parse(file, use_float=True)
    _, event, value = next(events, ("", "end_of_file", None))
    if event == "end_of_file":
        raise ijson.IncompleteJSONError("the file is empty")
    if event != "start_map":
        builder = ijson.ObjectBuilder()
        builder.event(event, value)
        for _, event, value in events:
            builder.event(event, value)
        return builder.value
    head, key, builder = {}, None, None
    for prefix, event, value in events:
        if prefix == "" and event in ("map_key", "end_map"):
            if builder is not None:
                head[key] = builder.value
            key, builder = value, None
            if key is not None:
                builder = ijson.ObjectBuilder()
            continue
        if key == ROWS_KEY and prefix == ROWS_KEY and event == "start_array":
            head[key], builder = [], None  # the rows are read later, one at a time
        if builder is not None:
            builder.event(event, value)
    return head


@contextmanager
def _json_errors_reported():
    """A JSON syntax error becomes the report an import gives, with yajl's pointer to the place."""
    try:
        yield
    except ijson.JSONError as error:
        message = " ".join(str(error).split())
        raise DatasetInvalid(ImportReport(errors=[("$", f"Not valid JSON: {message}")])) from None
