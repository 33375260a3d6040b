"""The published knowledge base as one JSON document, and back: the dataset format.

The format is slug-based (no database ids), versioned, licensed and described
by a JSON Schema (`schema.json` beside this file; docs/dataset.md). Export is
deterministic — same content, same bytes — so datasets can be mirrored and
diffed. Import validates everything first, reports every problem with its JSON
path, and only then upserts by slug in one transaction.

- `export.py`: the document, written in bounded memory, and the API's dump file.
- `source.py`: a file read as a stream: its small parts at once, its assessments row by row.
- `validation.py`: the checks before anything is written, and their report.
- `importer.py`: the upsert, in bulk for the many rows (assessments, key differences).
- `rendering.py`: the import's Markdown rendering on the other CPU cores.
"""

from .export import dump_dataset, export_dataset, open_dataset_dump, write_dataset, write_dataset_file
from .format import FORMAT_NAME, FORMAT_VERSION, LICENSE, json_schema
from .importer import import_dataset
from .source import Dataset
from .validation import DatasetInvalid, ImportReport

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "LICENSE",
    "Dataset",
    "DatasetInvalid",
    "ImportReport",
    "dump_dataset",
    "export_dataset",
    "import_dataset",
    "json_schema",
    "open_dataset_dump",
    "write_dataset",
    "write_dataset_file",
]
