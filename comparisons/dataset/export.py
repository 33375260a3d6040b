"""Export: everything published as the dataset document, deterministic, in bounded memory."""

import hashlib
import json
import os
import tempfile
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.models import Prefetch

from ..models import (
    Assessment,
    CodeExample,
    Comparison,
    ComparisonPoint,
    Criterion,
    CriterionGroup,
    DataCredit,
    Evidence,
    Extension,
    Framework,
    Release,
    SupportStatement,
    Tag,
)
from .format import FORMAT_NAME, FORMAT_VERSION, LICENSE


def _published_assessments():
    return (
        Assessment.objects.published()
        .select_related("framework", "criterion")
        .prefetch_related(
            "extensions",
            "sources",
            Prefetch("statements", queryset=SupportStatement.objects.select_related("since", "until")),
            Prefetch("code_examples", queryset=CodeExample.objects.select_related("release")),
            Prefetch(
                "evidence",
                queryset=Evidence.objects.select_related("release").order_by(
                    "probe", "release__ordinal", "python_version"
                ),
            ),
        )
        .order_by("framework__slug", "criterion__slug")
    )


def _version(release) -> str | None:
    return release.version if release is not None else None


def _assessment_row(a) -> dict:
    return {
        "framework": a.framework.slug,
        "criterion": a.criterion.slug,
        "support_level": a.support_level,
        "summary": a.summary,
        "details": a.details,
        "extensions": sorted(extension.slug for extension in a.extensions.all()),
        "sources": [{"title": s.title, "url": s.url} for s in a.sources.all()],
        "last_reviewed": a.last_reviewed.isoformat(),
        "statements": [
            {"support_level": s.support_level, "since": _version(s.since), "until": _version(s.until), "note": s.note}
            for s in a.statements.all()
        ],
        "code_examples": [
            {
                "title": e.title,
                "language": e.language,
                "release": _version(e.release),
                "requirements": e.requirements,
                "code": e.code,
                "output": e.output,
            }
            for e in a.code_examples.all()
        ],
        "evidence": [
            {
                "probe": e.probe,
                "kind": e.kind,
                "probe_sha": e.probe_sha,
                "example_sha": e.example_sha,
                "release": e.release.version,
                "python": e.python_version,
                "outcome": e.outcome,
                "output": e.output,
                "duration_seconds": round(e.duration.total_seconds(), 3),
                "ran_at": e.ran_at.isoformat(),
            }
            for e in a.evidence.all()
        ],
    }


def export_dataset(*, with_assessments: bool = True) -> dict:
    """Everything published, sorted by slug, in the documented format. A fixed number of queries."""
    frameworks = (
        Framework.objects.published()
        .prefetch_related("tags", Prefetch("releases", queryset=Release.objects.order_by("ordinal")))
        .order_by("slug")
    )
    criteria = Criterion.objects.published().select_related("group").order_by("slug")
    comparisons = (
        Comparison.objects.published()
        .prefetch_related(
            "frameworks",
            Prefetch("points", queryset=ComparisonPoint.objects.published().for_display()),
        )
        .order_by("slug")
    )
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "license": LICENSE,
        "credits": [
            {"name": credit.name, "url": credit.url, "attribution": credit.attribution}
            for credit in DataCredit.objects.order_by("attribution", "name", "url")
        ],
        "tags": [{"slug": tag.slug, "name": tag.name} for tag in Tag.objects.order_by("slug")],
        "criterion_groups": [
            {"slug": g.slug, "name": g.name, "description": g.description, "position": g.position}
            for g in CriterionGroup.objects.order_by("slug")
        ],
        "extensions": [
            {"slug": e.slug, "name": e.name, "url": e.url, "summary": e.summary}
            for e in Extension.objects.order_by("slug")
        ],
        "frameworks": [
            {
                "slug": f.slug,
                "name": f.name,
                "summary": f.summary,
                "description": f.description,
                "language": f.language,
                "license": f.license,
                "website_url": f.website_url,
                "repository_url": f.repository_url,
                "documentation_url": f.documentation_url,
                "first_release_year": f.first_release_year,
                "packages": f.packages,
                "tags": sorted(tag.slug for tag in f.tags.all()),
                "releases": [
                    {
                        "version": r.version,
                        "released_on": r.released_on.isoformat() if r.released_on else None,
                        "yanked": r.is_yanked,
                        "requires_python": r.requires_python,
                        "lts": r.is_lts,
                        "supported_until": r.supported_until.isoformat() if r.supported_until else None,
                    }
                    for r in f.releases.all()
                ],
            }
            for f in frameworks
        ],
        "criteria": [
            {
                "slug": c.slug,
                "name": c.name,
                "group": c.group.slug,
                "summary": c.summary,
                "description": c.description,
                "position": c.position,
            }
            for c in criteria
        ],
        "assessments": [_assessment_row(a) for a in _published_assessments()] if with_assessments else [],
        "comparisons": [
            {
                "slug": c.slug,
                "title": c.title,
                "frameworks": sorted(framework.slug for framework in c.frameworks.all()),
                "tldr": c.tldr,
                "introduction": c.introduction,
                "conclusion": c.conclusion,
                "published_at": c.published_at.isoformat(),
                "points": [
                    {
                        "criterion": p.criterion.slug,
                        "key_difference": p.key_difference,
                        "edge": p.edge,
                        "edge_framework": p.edge_framework.slug if p.edge_framework else None,
                        "position": p.position,
                    }
                    for p in c.points.all()
                ],
            }
            for c in comparisons
        ],
    }


def dump_dataset(dataset: dict) -> str:
    """The canonical text of a dataset: stable key order and indentation, one trailing newline."""
    return json.dumps(dataset, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


ASSESSMENTS_PLACEHOLDER = '"assessments": []'


def write_dataset(file) -> None:
    """Write the canonical text of everything published to a text file, in bounded memory.

    The same bytes as `dump_dataset(export_dataset())`, but the assessments (the
    bulk of a large matrix) are read in chunks and written one by one, each
    indented as it would be inside the document.
    """
    head, tail = dump_dataset(export_dataset(with_assessments=False)).split(ASSESSMENTS_PLACEHOLDER)
    file.write(head + '"assessments": [')
    written = 0
    for assessment in _published_assessments().iterator(chunk_size=2000):
        row = json.dumps(_assessment_row(assessment), indent=2, ensure_ascii=False).replace("\n", "\n    ")
        file.write(("," if written else "") + "\n    " + row)
        written += 1
    file.write(("\n  ]" if written else "]") + tail)


# Exported models without history records, with the column that dates their newest row.
UNRECORDED_MODELS = ((DataCredit, "created_at"), (Evidence, "ran_at"))


def dataset_fingerprint() -> str:
    """Changes whenever any content changes: the newest history record of every content model.

    Every write path records history (deletes included), and the database is
    shared by all app servers, so this needs no cache to agree on. Data credits
    and evidence have no history: their count and newest row count instead.
    """
    tables = [
        getattr(model, attribute).model._meta.db_table
        for model in apps.get_app_config("comparisons").get_models()
        if (attribute := getattr(model._meta, "simple_history_manager_attribute", None))
    ]
    union = " UNION ALL ".join(
        f"SELECT %s AS name, MAX(history_date) AS newest, COUNT(*) AS total FROM {connection.ops.quote_name(table)}"  # noqa: S608
        for table in sorted(tables)
    )
    for model, written_at in UNRECORDED_MODELS:
        table = connection.ops.quote_name(model._meta.db_table)
        union += f" UNION ALL SELECT %s AS name, MAX({written_at}) AS newest, COUNT(*) AS total FROM {table}"  # noqa: S608
    tables = [*sorted(tables), *(model._meta.db_table for model, _ in UNRECORDED_MODELS)]
    with connection.cursor() as cursor:
        cursor.execute(f"{union} ORDER BY name", tables)
        parts = cursor.fetchall()
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:24]


def write_dataset_file(path) -> None:
    """Write the dataset to `path` beside it and rename it into place: a failure never leaves half a file."""
    folder = os.path.dirname(os.path.abspath(path))
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, suffix=".partial", delete=False) as file:
        try:
            write_dataset(file)
        except BaseException:
            os.unlink(file.name)
            raise
    os.replace(file.name, path)


# Older dumps are deleted only after this long, so a request that has just been handed one can still open it.
OLD_DUMP_GRACE_SECONDS = 300


def _dump_folder() -> Path:
    folder = Path(settings.DATASET_DUMP_DIR)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.stat().st_uid != os.getuid():
        raise PermissionError(f"{folder} belongs to another user; set DATASET_DUMP_DIR to a folder of this one.")
    return folder


def open_dataset_dump():
    """The dataset dump of the current content, opened for reading (name `dataset-<fingerprint>.json`).

    Written to this server's disk the first time it is asked for: beside its
    final name, then renamed, so a reader sees the whole file or none.
    """
    folder = _dump_folder()
    path = folder / f"dataset-{dataset_fingerprint()}.json"
    if not path.exists():
        write_dataset_file(path)
        cutoff = time.time() - OLD_DUMP_GRACE_SECONDS
        for old in (*folder.glob("dataset-*.json"), *folder.glob("*.partial")):
            if old != path and old.stat().st_mtime < cutoff:
                old.unlink(missing_ok=True)
    return path.open("rb")
