"""A synthetic dataset in the import format: many frameworks × many criteria, with realistic Markdown.

Deterministic for a given shape, size and seed, so two runs of the benchmark
import the same bytes. The text is generated from small vocabularies: it is
shaped like the real content (paragraphs, lists, inline code, links, the
occasional fenced code block, sources and extensions) without pretending to be true.

Two shapes:

- `even` (the default benchmark, 200 × 500): every cell has a summary and one to
  three paragraphs of details and one source; criteria spread evenly over ten groups.
- `real`, shaped like published compatibility matrices (17 × 17,000): long
  criterion descriptions (up to six paragraphs with lists, links and code);
  cell notes that are empty for almost half the cells, one linked sentence for
  a third and several paragraphs for the rest; one to five sources per cell;
  most criteria in two huge groups (10,000 and 5,000) and the rest in ten small
  ones; summaries that an importer filled from the names.

The file is written as a stream, row by row, so a shape of any size is built in little memory.

    python -m bench.synthetic --shape real --output /tmp/dataset.json
"""

import argparse
import datetime
import itertools
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from comparisons.choices import SupportLevel

PREFIXES = ["aero", "blaze", "cinder", "drift", "ember", "flint", "grove", "halo", "iris", "jolt", "kite", "lumen"]
SUFFIXES = ["web", "stack", "kit", "wire", "forge", "gate", "flow", "path", "core", "nest", "frame", "port"]
LANGUAGES = ["Python", "Go", "Rust", "JavaScript", "TypeScript", "Ruby", "PHP", "Java", "Kotlin", "Elixir", "C#"]
LICENSES = ["MIT", "BSD-3-Clause", "Apache-2.0", "MPL-2.0", "ISC"]
TOPICS = [
    "routing", "templates", "sessions", "caching", "forms", "validation", "migrations", "queries", "uploads",
    "websockets", "background jobs", "rate limits", "logging", "metrics", "tracing", "i18n", "auth", "permissions",
    "testing", "deployment", "configuration", "static files", "streaming", "pagination", "search",
]  # fmt: skip
QUALIFIERS = ["declarative", "typed", "async", "pluggable", "signed", "layered", "cached", "nested", "lazy", "strict"]
VERBS = ["ships", "documents", "tests", "supports", "exposes", "wraps", "generates", "validates", "streams", "checks"]
LEVEL_WEIGHTS = {
    SupportLevel.BUILT_IN: 40,
    SupportLevel.EXTENSION: 25,
    SupportLevel.PARTIAL: 15,
    SupportLevel.NONE: 12,
    SupportLevel.UNKNOWN: 8,
}
CODE_SAMPLES = [
    ("python", "@app.route('/items/<int:item_id>')\ndef show(item_id):\n    return render('item.html', id=item_id)"),
    ("go", 'r.Get("/items/{id}", func(w http.ResponseWriter, r *http.Request) {\n\tw.Write(item(r))\n})'),
    ("javascript", "app.get('/items/:id', async (req, res) => {\n  res.json(await items.find(req.params.id));\n});"),
]


def sentence(rng: random.Random, subject: str) -> str:
    topic, other = rng.sample(TOPICS, 2)
    return (
        f"{subject} {rng.choice(VERBS)} {rng.choice(QUALIFIERS)} {topic}, "
        f"and the `{topic.replace(' ', '_')}` API works with {other} out of the box."
    )


def markdown(rng: random.Random, subject: str, *, paragraphs: int, code: bool) -> str:
    parts = [" ".join(sentence(rng, subject) for _ in range(rng.randint(2, 4))) for _ in range(paragraphs)]
    parts.insert(1, "\n".join(f"- **{rng.choice(TOPICS).title()}**: {sentence(rng, 'It')}" for _ in range(3)))
    parts.append(f"See the [reference](https://docs.example.org/{rng.randrange(10_000)}) for the details.")
    if code:
        language, sample = rng.choice(CODE_SAMPLES)
        parts.insert(2, f"```{language}\n{sample}\n```")
    return "\n\n".join(parts)


@dataclass(frozen=True)
class Shape:
    frameworks: int
    criteria: int
    real: bool  # see the module's docstring

    @property
    def versioned_frameworks(self) -> int:
        return 3 if self.real else VERSIONED_FRAMEWORKS

    @property
    def code_example_share(self) -> float:
        return 0.01 if self.real else CODE_EXAMPLE_SHARE


SHAPES = {"even": (200, 500), "real": (17, 17_000)}


@dataclass(frozen=True)
class Written:
    """What the benchmark needs to know of a written dataset."""

    framework_slugs: list[str]
    criterion_slugs: list[str]
    assessments: int


def write(path: Path, shape: Shape, *, seed: int = 2026) -> Written:
    """Write the dataset to `path` as a stream: the small parts, then one assessment at a time."""
    rng = random.Random(seed)
    head = build_head(rng, shape)
    count = 0
    with path.open("w", encoding="utf-8") as out:
        out.write("{")
        for key, value in head.items():
            out.write(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}, ")
        out.write('"assessments": [')
        for row in assessment_rows(rng, shape, head):
            out.write(", " if count else "")
            out.write(json.dumps(row, ensure_ascii=False))
            count += 1
        comparisons = [
            comparison(rng, pair, head["criteria"][: 50 if shape.real else None])
            for pair in zip(head["frameworks"][:10:2], head["frameworks"][1:10:2], strict=False)
        ]
        out.write(f'], "comparisons": {json.dumps(comparisons, ensure_ascii=False)}}}')
    return Written([row["slug"] for row in head["frameworks"]], [row["slug"] for row in head["criteria"]], count)


def build_head(rng: random.Random, shape: Shape) -> dict:
    """Everything but the assessments and comparisons."""
    today = datetime.date(2026, 11, 1)
    group_count = min(12 if shape.real else 10, shape.criteria)
    groups = [
        {"slug": f"group-{g:02d}", "name": f"Group {g:02d}", "description": f"Criteria of kind {g}.", "position": g}
        for g in range(1, group_count + 1)
    ]
    extensions = [
        {
            "slug": f"ext-{e:04d}",
            "name": f"{rng.choice(PREFIXES).title()}-{rng.choice(TOPICS).replace(' ', '-')} {e}",
            "url": f"https://extensions.example.org/{e}",
            "summary": sentence(rng, "This package"),
        }
        for e in range(1, max(20, shape.frameworks) + 1)
    ]
    framework_rows = []
    for f in range(1, shape.frameworks + 1):
        name = f"{PREFIXES[f % len(PREFIXES)].title()}{SUFFIXES[(f // len(PREFIXES)) % len(SUFFIXES)]} {f}"
        framework_rows.append(
            {
                "slug": f"fw-{f:04d}",
                "name": name,
                "summary": sentence(rng, name)[:200],
                "description": markdown(rng, name, paragraphs=3, code=False),
                "language": rng.choice(LANGUAGES),
                "license": rng.choice(LICENSES),
                "website_url": f"https://fw-{f:04d}.example.org/",
                "repository_url": f"https://git.example.org/fw-{f:04d}",
                "documentation_url": f"https://fw-{f:04d}.example.org/docs/",
                "first_release_year": rng.randint(2005, 2025),
                "packages": "",
                "tags": sorted(rng.sample(["api", "async", "full-stack", "micro"], rng.randint(0, 2))),
                "releases": releases(rng, today),
            }
        )
    criterion_rows = []
    for c in range(1, shape.criteria + 1):
        if shape.real:
            description = markdown(rng, "A framework that scores well", paragraphs=rng.randint(3, 6), code=True)
        else:
            description = markdown(rng, "A framework that scores well", paragraphs=2, code=False)
        criterion_rows.append(
            {
                "slug": f"crit-{c:05d}" if shape.real else f"crit-{c:04d}",
                "name": f"{rng.choice(QUALIFIERS).title()} {rng.choice(TOPICS)} {c}",
                "group": groups[group_index(shape, c, len(groups))]["slug"],
                "position": c,
                "summary": f"How well does the framework handle {rng.choice(TOPICS)}?",
                "description": description[:4_000],
            }
        )
    return {
        "format": "comparesite-dataset",
        "format_version": 2,
        "license": {"name": "CC0-1.0", "url": "https://creativecommons.org/publicdomain/zero/1.0/", "attribution": ""},
        "tags": [{"slug": slug, "name": slug.title()} for slug in ("api", "async", "full-stack", "micro")],
        "criterion_groups": groups,
        "extensions": extensions,
        "frameworks": framework_rows,
        "criteria": criterion_rows,
    }


def group_index(shape: Shape, c: int, groups: int) -> int:
    """Even: round robin. Real: the first 59 % of criteria in one group, the next 29 % in another, the rest spread."""
    if not shape.real or groups < 3:
        return c % groups
    if c <= shape.criteria * 0.59:
        return 0
    if c <= shape.criteria * 0.88:
        return 1
    return 2 + c % (groups - 2)


def assessment_rows(rng: random.Random, shape: Shape, head: dict):
    levels, weights = list(LEVEL_WEIGHTS), list(LEVEL_WEIGHTS.values())
    extension_slugs = [e["slug"] for e in head["extensions"][:50]]
    versioned = {row["slug"] for row in head["frameworks"][: shape.versioned_frameworks]}
    for framework, criterion in itertools.product(head["frameworks"], head["criteria"]):
        level = rng.choices(levels, weights)[0]
        subject = framework["name"]
        if shape.real:
            summary = f"{subject}: {criterion['name']}"
            details = real_note(rng, subject)
            source_count = rng.choices(range(1, 6), [45, 25, 15, 9, 6])[0]
        else:
            summary = sentence(rng, subject)
            details = markdown(rng, subject, paragraphs=rng.randint(1, 3), code=rng.random() < 0.1)
            source_count = 1
        yield {
            "framework": framework["slug"],
            "criterion": criterion["slug"],
            "support_level": level.value,
            "summary": summary[:300],
            "details": details,
            "extensions": sorted(rng.sample(extension_slugs, 1)) if level == SupportLevel.EXTENSION else [],
            "sources": [
                {
                    "title": f"{subject} documentation" + (f", part {n}" if n else ""),
                    "url": f"{framework['documentation_url']}{criterion['slug']}" + (f"#part-{n}" if n else ""),
                }
                for n in range(source_count)
            ],
            "last_reviewed": (datetime.date(2026, 11, 1) - datetime.timedelta(days=rng.randrange(700))).isoformat(),
            "statements": statements(level.value) if framework["slug"] in versioned else [],
            "code_examples": [code_example(rng, subject)] if rng.random() < shape.code_example_share else [],
        }


def real_note(rng: random.Random, subject: str) -> str:
    """A real matrix's cell note: none for almost half the cells, a linked sentence for a third, else paragraphs."""
    draw = rng.random()
    if draw < 0.45:
        return ""
    if draw < 0.78:
        return f"{sentence(rng, subject)} See [the notes](https://notes.example.org/{rng.randrange(100_000)})."
    return markdown(rng, subject, paragraphs=rng.randint(2, 4), code=rng.random() < 0.25)[:6_000]


# The first frameworks' cells change level over releases (the compare-at-releases endpoint reads them);
# a share of all cells holds a code example.
VERSIONED_FRAMEWORKS = 6
CODE_EXAMPLE_SHARE = 0.05
RELEASES = [f"{major}.{minor}" for major in range(1, 5) for minor in range(3)]  # 1.0 … 4.2


def releases(rng: random.Random, today: datetime.date) -> list[dict]:
    """Twelve releases, a few months apart, ending before `today`; the last of each major is LTS."""
    day = today - datetime.timedelta(days=120 * len(RELEASES))
    rows = []
    for version in RELEASES:
        day += datetime.timedelta(days=rng.randint(90, 150))
        rows.append(
            {
                "version": version,
                "released_on": day.isoformat(),
                "yanked": False,
                "requires_python": ">=3.10",
                "lts": version.endswith(".2"),
                "supported_until": (day + datetime.timedelta(days=730)).isoformat() if version.endswith(".2") else None,
            }
        )
    return rows


def statements(level: str) -> list[dict]:
    """Not supported before 2.0, then the cell's level."""
    return [
        {"support_level": "none", "since": None, "until": "2.0", "note": "Not yet."},
        {"support_level": level, "since": "2.0", "until": None, "note": "Arrived in 2.0."},
    ]


def code_example(rng: random.Random, subject: str) -> dict:
    topic = rng.choice(TOPICS).replace(" ", "_")
    return {
        "title": f"{topic.replace('_', ' ').capitalize()} in a few lines",
        "language": "python",
        "release": RELEASES[-1],
        "requirements": "",
        "code": f"from app import {topic}\n\n\ndef view(request):\n    return {topic}.render(request)  # {subject}\n",
        "output": "200 OK",
    }


def comparison(rng: random.Random, pair, criterion_rows) -> dict:
    first, second = pair
    title = f"{first['name']} vs {second['name']}"
    return {
        "slug": f"{first['slug']}-vs-{second['slug']}",
        "title": title,
        "frameworks": [first["slug"], second["slug"]],
        "tldr": sentence(rng, first["name"]),
        "introduction": markdown(rng, title, paragraphs=2, code=False),
        "conclusion": markdown(rng, second["name"], paragraphs=1, code=False),
        "published_at": "2026-11-01T12:00:00+00:00",
        "points": [
            {
                "criterion": criterion["slug"],
                "key_difference": sentence(rng, first["name"]),
                "edge": "framework" if position % 3 else "even",
                "edge_framework": first["slug"] if position % 3 else None,
                "position": position,
            }
            for position, criterion in enumerate(criterion_rows, start=1)
        ],
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", choices=sorted(SHAPES), default="even")
    parser.add_argument("--frameworks", type=int, help="default: the shape's (200 even, 17 real)")
    parser.add_argument("--criteria", type=int, help="default: the shape's (500 even, 17,000 real)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args(argv)
    frameworks, criteria = SHAPES[args.shape]
    shape = Shape(args.frameworks or frameworks, args.criteria or criteria, real=args.shape == "real")
    written = write(args.output, shape, seed=args.seed)
    print(f"{written.assessments} assessments written to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
