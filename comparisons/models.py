"""The knowledge base: frameworks, criteria, the matrix of assessments, comparisons.

Invariants live in the database (unique and check constraints) as well as in
forms, so no write path — admin, API, fixture or import — can break them.
Markdown sources are rendered once, when saved, into the `*_html` fields next
to them; pages never render on a request. History records keep the sources
(frameworks aside, see there): the HTML is derived, and a revert or restore
saves, which renders it anew.
The signal handlers that keep derived fields in step live in signals.py.

Evidence (probe runs) and the disagreements they raise close the module.

One module of some 1,000 lines, as Django lays out an app: the models refer to
one another (and migrations name their validators here), and most of the
length is field declarations and constraints, not logic.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models, transaction
from django.db.models.functions import Length, Lower
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from markdownx.models import MarkdownxField
from simple_history.models import HistoricalRecords

from .choices import (
    ComparisonStatus,
    DisagreementKind,
    DisagreementStatus,
    Edge,
    Outcome,
    ProbeKind,
    ReportStatus,
    SupportLevel,
)
from .markdown import MarkdownSourceValidator, highlight_code, normalize_newlines, render_markdown, validate_lexer_name
from .querysets import (
    AssessmentQuerySet,
    ComparisonPointQuerySet,
    ComparisonQuerySet,
    CriterionQuerySet,
    FrameworkQuerySet,
    SlugQuerySet,
    SourceQuerySet,
    stale_before,
)
from .versions import covers, normalized_version, parse_version, validate_requires_python, validate_version

# Length caps of the Markdown fields (see comparisons/markdown.py for why).
FRAMEWORK_DESCRIPTION_MAX = 8_000
CRITERION_DESCRIPTION_MAX = 4_000
ASSESSMENT_DETAILS_MAX = 6_000
COMPARISON_TLDR_MAX = 1_500
COMPARISON_TEXT_MAX = 8_000
KEY_DIFFERENCE_MAX = 3_000
CODE_EXAMPLE_MAX = 10_000
CODE_OUTPUT_MAX = 4_000

FIRST_RELEASE_YEAR_MIN = 1990
FIRST_RELEASE_YEAR_MAX = 2100

COMPARE_SEPARATOR = "-vs-"

# What a history record says when a save changed none of the fields worth naming (see signals.py);
# such records are kept for the audit trail but left off the public changelog.
UNCHANGED_REASON = "Saved (fields unchanged)"

# The one definition of a slug: lowercase words joined by single hyphens, at most 100 characters.
# The dataset's JSON Schema states the same ($defs.slug); a test keeps the two in step.
SLUG_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
SLUG_MAX_LENGTH = 100

slug_format_validator = RegexValidator(
    rf"^{SLUG_PATTERN}$",
    "Use lowercase letters, digits and single hyphens, for example 'flask' or 'rest-api-tooling'.",
    code="invalid_slug",
)
no_vs_word_validator = RegexValidator(
    r"(^|-)vs(-|$)",
    inverse_match=True,
    message="A framework slug cannot contain the word 'vs': compare URLs join slugs with '-vs-'.",
    code="slug_contains_vs",
)
# Both rules of a framework slug as one pattern, for the API schema (which cannot say "inverse").
FRAMEWORK_SLUG_PATTERN = rf"^(?!(?:[a-z0-9-]*-)?vs(?:-[a-z0-9-]*)?$){SLUG_PATTERN}$"

# A URL is stored and served as written, so it must already be a valid URI (RFC 3986): Django's
# URLValidator lets through characters that need percent-encoding, such as spaces, quotes and <>.
# (A pattern of the allowed characters, not inverse_match, so the OpenAPI schema states it right.)
URI_CHARACTER = r'[^\s"<>\\^`{|}]'
uri_characters_validator = RegexValidator(
    # ...and a host name of at most 253 characters, as URLValidator requires.
    rf"^(?![A-Za-z][A-Za-z0-9+.-]*://[^/?#]{{254}}){URI_CHARACTER}*$",
    message=(
        'A URL cannot contain spaces or any of " < > \\ ^ ` { | } (percent-encode them: a space is %%20), '
        "and its host name is at most 253 characters."
    ),
    code="invalid_uri_character",
)
# An assessment cites at most this many sources, in the admin, the API and imports alike.
MAX_SOURCES = 20


def url_field(verbose_name, **options) -> models.URLField:
    """A link the site shows: an http(s) URL that is also a valid URI."""
    return models.URLField(verbose_name, max_length=500, validators=[uri_characters_validator], **options)


CONTROL_CHARACTERS = r"\x00-\x1f\x7f-\x9f\u2028\u2029"
_CONTROL_CHARACTER = re.compile(rf"[{CONTROL_CHARACTERS}]")
_CONTROL_CHARACTER_NAMES = {
    **dict.fromkeys(["\n", "\r", "\u2028", "\u2029"], "a line break"),
    "\t": "a tab",
}


@deconstructible
class OneLineTextValidator(RegexValidator):
    """Names, titles and summaries are one line of text: no line breaks, tabs or other control characters.

    A RegexValidator, so the API schema states the pattern; the message names what was found.
    """

    regex = rf"^[^{CONTROL_CHARACTERS}]*$"
    code = "control_character"

    def __call__(self, value) -> None:
        found = _CONTROL_CHARACTER.search(value or "")
        if found:
            character = found.group()
            raise ValidationError(
                "Use one line of plain text: this contains %(what)s.",
                code=self.code,
                params={
                    "what": _CONTROL_CHARACTER_NAMES.get(character, f"a control character (U+{ord(character):04X})")
                },
            )


one_line_text_validator = OneLineTextValidator()


def one_line_field(verbose_name=None, **options) -> models.CharField:
    """A name, title or summary: a CharField that takes one line of plain text."""
    return models.CharField(verbose_name, validators=[one_line_text_validator], **options)


package_names_validator = RegexValidator(
    r"^\s*[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?(?:\s+[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)*\s*$",
    "Give the names the package index knows, separated by spaces, for example “Django” or “Flask Werkzeug”.",
    code="invalid_package_names",
)


def framework_set_key(framework_ids) -> str:
    """A set of frameworks as one comparable string: sorted ids, comma-separated."""
    return ",".join(str(pk) for pk in sorted(set(framework_ids)))


def compare_path(framework_slugs) -> str:
    """The one canonical URL of the compare page for a set of frameworks."""
    return reverse("comparisons:compare", kwargs={"slugs": COMPARE_SEPARATOR.join(sorted(set(framework_slugs)))})


def markdown_field(max_length: int, *, blank: bool = True, help_text: str = "", verbose_name=None):
    help_text = f"{help_text} Markdown; at most {max_length:,} characters.".strip()
    return MarkdownxField(
        verbose_name,
        max_length=max_length,
        blank=blank,
        help_text=help_text,
        validators=[MarkdownSourceValidator(max_length=max_length)],
    )


def length_constraint(table: str, field: str, max_length: int) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=LessThanOrEqual(Length(field), max_length),
        name=f"{table}_{field}_at_most_{max_length}_chars",
    )


def choices_constraint(table: str, field: str, choices) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__in": choices.values}), name=f"{table}_{field}_is_a_known_value"
    )


class StaleVersion(Exception):
    """A save based on a version of the row that someone else has since replaced."""

    def __init__(self, instance):
        super().__init__(f"{instance} was changed by someone else since this version was read.")
        self.instance = instance


class TimeStampedModel(models.Model):
    """Timestamps, and a version number that makes concurrent edits safe.

    `version` goes up by one on every save. A save compares the version it was
    read at with the stored one and refuses (StaleVersion) when they differ, so
    an editor can never silently overwrite a colleague's change. Fixtures
    (raw saves) and history records bypass `save()` and the check.
    """

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding or self.pk is None:
            return super().save(*args, **kwargs)
        with transaction.atomic(using=kwargs.get("using")):
            claimed = (
                type(self)
                ._base_manager.filter(pk=self.pk, version=self.version)
                .update(version=models.F("version") + 1)
            )
            if not claimed:
                raise StaleVersion(self)
            self.version += 1
            return super().save(*args, **kwargs)

    @classmethod
    def current_version(cls, pk) -> int | None:
        return cls._base_manager.filter(pk=pk).values_list("version", flat=True).first()


def markdown_id_prefix(natural_key, field: str) -> str:
    """How heading ids start in one Markdown field of one row: unique on any page that shows several."""
    return f"md-{'-'.join(natural_key)}-{field}-"


class RendersMarkdown:
    """A model whose Markdown sources are stored next to their rendered HTML."""

    # Source field name -> rendered HTML field name.
    markdown_fields: dict[str, str] = {}

    def render_markdown_fields(self) -> None:
        """Store each source with LF line endings, and its HTML beside it."""
        for source, html in self.markdown_fields.items():
            setattr(self, source, normalize_newlines(getattr(self, source)))
            prefix = markdown_id_prefix(self.natural_key(), source)
            setattr(self, html, render_markdown(getattr(self, source), id_prefix=prefix))


class NamedModel(TimeStampedModel):
    """A row editors name and the site addresses by slug (also its natural key)."""

    name = one_line_field(max_length=100, unique=True)
    slug = models.SlugField(max_length=SLUG_MAX_LENGTH, unique=True, validators=[slug_format_validator])

    objects = SlugQuerySet.as_manager()

    class Meta:
        abstract = True
        # Case-insensitive, so "aiohttp" sorts among the A's on every database.
        ordering = [Lower("name")]
        constraints = [models.CheckConstraint(condition=~models.Q(slug=""), name="%(class)s_slug_not_blank")]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class Tag(NamedModel):
    history = HistoricalRecords()

    class Meta(NamedModel.Meta):
        pass


class CriterionGroup(NamedModel):
    description = one_line_field(max_length=300, blank=True)
    position = models.PositiveIntegerField(default=0, help_text="Groups are shown in ascending order.")

    history = HistoricalRecords()

    class Meta(NamedModel.Meta):
        ordering = ["position", "name"]


class Extension(NamedModel):
    """A package that fills a gap in a framework, such as WTForms or Flask-Admin."""

    url = url_field("URL")
    summary = one_line_field(max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta(NamedModel.Meta):
        pass


class Framework(RendersMarkdown, NamedModel):
    slug = models.SlugField(
        max_length=SLUG_MAX_LENGTH, unique=True, validators=[slug_format_validator, no_vs_word_validator]
    )
    summary = one_line_field(max_length=200, help_text="One line: what the framework is.")
    description = markdown_field(FRAMEWORK_DESCRIPTION_MAX)
    description_html = models.TextField(editable=False, default="")
    language = one_line_field(max_length=50, default="Python")
    license = one_line_field(max_length=100, help_text="An SPDX identifier, for example BSD-3-Clause.")
    website_url = url_field("website URL")
    repository_url = url_field("repository URL", blank=True)
    documentation_url = url_field("documentation URL", blank=True)
    first_release_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_RELEASE_YEAR_MIN), MaxValueValidator(FIRST_RELEASE_YEAR_MAX)],
    )
    packages = models.CharField(
        "packages on the index",
        max_length=200,
        blank=True,
        validators=[package_names_validator],
        help_text="Its distribution names on the package index, separated by spaces, for example Django. "
        "`manage.py sync_releases` reads their releases.",
    )
    latest_version = models.CharField(
        max_length=50,
        blank=True,
        editable=False,
        help_text="Kept from its releases: the newest final release not yanked (else the newest).",
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="frameworks")
    is_published = models.BooleanField("published", default=False)

    objects = FrameworkQuerySet.as_manager()
    # Its HTML stays in its history: django-simple-history records a framework with the fields of
    # the comparison's history when a comparison's frameworks change from the framework's side.
    history = HistoricalRecords(m2m_fields=[tags])

    markdown_fields = {"description": "description_html"}

    class Meta(NamedModel.Meta):
        constraints = [
            *NamedModel.Meta.constraints,
            models.CheckConstraint(
                condition=~models.Q(slug="vs")
                & ~models.Q(slug__startswith="vs-")
                & ~models.Q(slug__endswith="-vs")
                & ~models.Q(slug__contains="-vs-"),
                name="framework_slug_has_no_vs_word",
            ),
            models.CheckConstraint(
                condition=models.Q(first_release_year__isnull=True)
                | models.Q(
                    first_release_year__gte=FIRST_RELEASE_YEAR_MIN, first_release_year__lte=FIRST_RELEASE_YEAR_MAX
                ),
                name="framework_first_release_year_plausible",
            ),
            length_constraint("framework", "description", FRAMEWORK_DESCRIPTION_MAX),
        ]

    def get_absolute_url(self):
        return reverse("comparisons:framework-detail", kwargs={"slug": self.slug})

    @property
    def package_names(self) -> list[str]:
        return self.packages.split()

    @property
    def display_name(self) -> str:
        """The name, with the release when one was chosen (a compare column): "Django 4.2"."""
        release = getattr(self, "release", None)
        return f"{self.name} {release.version}" if release is not None else self.name

    @property
    def column_slug(self) -> str:
        """The slug, with the release when one was chosen: "django--4.2", for anchors of matrix cells."""
        release = getattr(self, "release", None)
        return f"{self.slug}--{release.version}" if release is not None else self.slug


class Criterion(RendersMarkdown, NamedModel):
    group = models.ForeignKey(CriterionGroup, on_delete=models.PROTECT, related_name="criteria")
    summary = one_line_field(max_length=200, help_text="One line: the question this criterion answers.")
    description = markdown_field(
        CRITERION_DESCRIPTION_MAX, help_text="What is being judged, and what each support level means here."
    )
    description_html = models.TextField(editable=False, default="")
    position = models.PositiveIntegerField(default=0, help_text="Order within its group, ascending.")
    is_published = models.BooleanField("published", default=False)

    objects = CriterionQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["description_html"])

    markdown_fields = {"description": "description_html"}

    class Meta(NamedModel.Meta):
        ordering = ["group__position", "position", "name"]
        verbose_name_plural = "criteria"
        constraints = [
            *NamedModel.Meta.constraints,
            length_constraint("criterion", "description", CRITERION_DESCRIPTION_MAX),
        ]
        # A group's criteria in display order, so a part of a group of thousands is read from the index.
        indexes = [models.Index(fields=["group", "position", "name"], name="criterion_in_group_order")]

    def get_absolute_url(self):
        return reverse("comparisons:criterion-detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return super().natural_key()

    natural_key.dependencies = ["comparisons.criteriongroup"]


class Assessment(RendersMarkdown, TimeStampedModel):
    """One cell of the matrix: how one framework handles one criterion."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="assessments")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="assessments")
    support_level = models.CharField(max_length=20, choices=SupportLevel.choices, default=SupportLevel.UNKNOWN)
    summary = one_line_field(max_length=300, help_text="One line, shown in the matrix cell.")
    details = markdown_field(ASSESSMENT_DETAILS_MAX)
    details_html = models.TextField(editable=False, default="")
    extensions = models.ManyToManyField(
        Extension, blank=True, related_name="assessments", help_text="Packages that fill the gap."
    )
    last_reviewed = models.DateField(help_text="When an editor last checked this against the sources.")
    # Kept from the support statements (services.refresh_current_levels), so pages at the current
    # release read no statements: the version the current statement holds since, if it says.
    since_version = models.CharField(max_length=50, blank=True, editable=False)

    objects = AssessmentQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[extensions], excluded_fields=["details_html"])

    markdown_fields = {"details": "details_html"}

    class Meta:
        ordering = ["framework__name", "criterion__group__position", "criterion__position", "criterion__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "criterion"], name="assessment_one_per_framework_and_criterion"
            ),
            choices_constraint("assessment", "support_level", SupportLevel),
            length_constraint("assessment", "details", ASSESSMENT_DETAILS_MAX),
        ]
        indexes = [models.Index(fields=["last_reviewed"]), models.Index(fields=["support_level"])]

    def __str__(self):
        return f"{self.framework} · {self.criterion}"

    def get_absolute_url(self):
        return assessment_url(self.framework, self.criterion)

    def natural_key(self):
        return (*self.framework.natural_key(), *self.criterion.natural_key())

    natural_key.dependencies = ["comparisons.framework", "comparisons.criterion"]

    @property
    def level(self) -> SupportLevel:
        return SupportLevel(self.support_level)

    def clean(self):
        super().clean()
        if self.pk is None:
            return
        stored = Assessment.objects.filter(pk=self.pk).values_list("framework_id", flat=True).first()
        moved = stored is not None and stored != self.framework_id
        if moved and (self.statements.exists() or self.code_examples.exists()):
            raise ValidationError(
                {
                    "framework": "Its support statements and code examples name releases of its framework: "
                    "remove them before moving it to another framework."
                }
            )

    def current_statement(self) -> "SupportStatement":
        """What holds for the current release, from the assessment's own fields (no query)."""
        statement = SupportStatement(assessment=self, support_level=self.support_level)
        statement.since_text = self.since_version  # its `since` is a version, not a row in hand
        return statement

    def statement_for(self, release) -> "SupportStatement":
        """The support statement that holds for `release`, from its (prefetched) statements.

        An assessment without statements holds its level for every release, since
        when not known. With statements, a release none of them covers is "unknown".
        """
        statements = list(self.statements.all())
        if not statements:
            return SupportStatement(assessment=self, support_level=self.support_level)
        for statement in statements:
            if covers(statement, release):
                return statement
        return SupportStatement(assessment=self, support_level=SupportLevel.UNKNOWN)

    @property
    def is_stale(self) -> bool:
        return self.last_reviewed < stale_before()


def assessment_url(framework, criterion) -> str:
    """The permalink of one cell: its statements over releases, code, sources and history."""
    return reverse("comparisons:assessment-detail", kwargs={"framework": framework.slug, "criterion": criterion.slug})


class Source(models.Model):
    """A document that backs an assessment, usually official documentation."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="sources")
    title = one_line_field(max_length=200)
    url = url_field("URL")
    position = models.PositiveIntegerField(default=0)

    objects = SourceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["assessment", "url"], name="source_url_once_per_assessment")]

    def __str__(self):
        return self.title

    def natural_key(self):
        return (*self.assessment.natural_key(), self.url)

    natural_key.dependencies = ["comparisons.assessment"]


def check_releases_belong(row, *fields) -> None:
    """A statement's or example's releases must be releases of its assessment's framework."""
    if row.assessment_id is None:
        return
    framework_id = Assessment.objects.filter(pk=row.assessment_id).values_list("framework_id", flat=True).first()
    for name in fields:
        release = getattr(row, name)
        if release is not None and release.framework_id != framework_id:
            raise ValidationError({name: f"{release} is not a release of this assessment's framework."})


class Release(models.Model):
    """One published version of a framework: from the package index, plus the support facts editors add."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="releases")
    version = models.CharField(max_length=50, validators=[validate_version], help_text="As PEP 440 writes it.")
    # Its place among the framework's releases by PEP 440 order (1 = oldest), so SQL can compare releases.
    ordinal = models.PositiveIntegerField(default=0, editable=False)
    released_on = models.DateField(null=True, blank=True, help_text="The day its first file reached the package index.")
    is_yanked = models.BooleanField("yanked", default=False)
    requires_python = models.CharField(
        "requires Python",
        max_length=100,
        blank=True,
        validators=[validate_requires_python],
        help_text="The Python versions it installs on, for example >=3.10.",
    )
    is_lts = models.BooleanField("long-term support", default=False, help_text="The project calls it LTS.")
    supported_until = models.DateField(
        null=True, blank=True, help_text="The end of support (security fixes included) the project publishes."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["framework_id", "-ordinal"]
        constraints = [models.UniqueConstraint(fields=["framework", "version"], name="release_version_once")]

    def __str__(self):
        return f"{self.framework.name} {self.version}" if self.framework_id else self.version

    def save(self, *args, **kwargs):
        self.version = normalized_version(self.version)
        super().save(*args, **kwargs)

    def clean(self):
        # One row per version as PEP 440 compares them: "4.2.0" is the release "4.2".
        self.version = normalized_version(self.version)
        wanted = parse_version(self.version)
        if wanted is None or self.framework_id is None:
            return
        others = Release.objects.filter(framework_id=self.framework_id).exclude(pk=self.pk)
        if any(parse_version(version) == wanted for version in others.values_list("version", flat=True)):
            raise ValidationError({"version": f"{self.framework} already has the release {self.version}."})

    def natural_key(self):
        return (*self.framework.natural_key(), self.version)

    natural_key.dependencies = ["comparisons.framework"]

    @property
    def is_prerelease(self) -> bool:
        version = parse_version(self.version)
        return version is not None and version.is_prerelease

    @property
    def series_label(self) -> str:
        """Its major.minor series, "3.1" of "3.1.2"."""
        version = parse_version(self.version)
        return ".".join(str(part) for part in version.release[:2]) if version else self.version

    def is_supported_on(self, day) -> bool | None:
        """Whether the project still supports it on `day`; None when it publishes no end date."""
        return None if self.supported_until is None else day <= self.supported_until


class SupportStatement(models.Model):
    """A support level that holds over a range of a framework's releases: from `since`, up to `until`.

    `since` empty: from the first release (or since when is not known);
    `until` empty: it still holds. The statement covering the newest release
    gives the assessment its current level.
    """

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="statements")
    support_level = models.CharField(max_length=20, choices=SupportLevel.choices)
    since = models.ForeignKey(
        Release,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The first release it holds for. Empty: from the first release, or not known.",
    )
    until = models.ForeignKey(
        Release,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The first release it no longer holds for. Empty: it still holds.",
    )
    note = one_line_field(max_length=300, blank=True, help_text="One line: what changed at `since`.")

    history = HistoricalRecords()

    class Meta:
        ordering = [models.F("since__ordinal").asc(nulls_first=True), "pk"]

        constraints = [choices_constraint("supportstatement", "support_level", SupportLevel)]

    def __str__(self):
        return f"{self.level.label} {self.range_label}".strip()

    @property
    def level(self) -> SupportLevel:
        return SupportLevel(self.support_level)

    def clean(self):
        check_releases_belong(self, "since", "until")

    @property
    def range_label(self) -> str:
        """How the range reads: "since 3.1", "from 3.1 until 4.1" (4.1 excluded), "until 3.0", or "" (all)."""
        since = self.since.version if self.since_id else getattr(self, "since_text", "")
        until = self.until.version if self.until_id else None
        if since and until:
            return f"from {since} until {until}"
        if since:
            return f"since {since}"
        if until:
            return f"until {until}"
        return ""


class CodeExample(models.Model):
    """Code that shows how a framework does the job of one criterion, run on the release it names."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="code_examples")
    title = one_line_field(max_length=200)
    code = models.TextField(max_length=CODE_EXAMPLE_MAX, help_text=f"At most {CODE_EXAMPLE_MAX:,} characters.")
    language = models.CharField(
        max_length=50, default="python", validators=[validate_lexer_name], help_text="A Pygments lexer name."
    )
    release = models.ForeignKey(
        Release,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The release it was written for and run on.",
    )
    requirements = models.CharField(
        max_length=500,
        blank=True,
        validators=[one_line_text_validator],
        help_text="What it needs installed besides the framework, as pip takes it: Flask-WTF==1.2.2 WTForms==3.2.1",
    )
    output = models.TextField(max_length=CODE_OUTPUT_MAX, blank=True, help_text="What running it prints, exactly.")
    code_html = models.TextField(editable=False, default="")
    position = models.PositiveIntegerField(default=0)

    history = HistoricalRecords(excluded_fields=["code_html"])

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            length_constraint("codeexample", "code", CODE_EXAMPLE_MAX),
            length_constraint("codeexample", "output", CODE_OUTPUT_MAX),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        check_releases_belong(self, "release")

    def render_code(self) -> None:
        self.code = normalize_newlines(self.code)
        self.output = normalize_newlines(self.output)
        self.code_html = highlight_code(self.code, self.language)

    @property
    def line_count(self) -> int:
        return self.code.count("\n") + 1


class Comparison(RendersMarkdown, TimeStampedModel):
    """An editor-written head-to-head page for a set of two or more frameworks."""

    Status = ComparisonStatus

    title = one_line_field(max_length=200)
    slug = models.SlugField(max_length=SLUG_MAX_LENGTH, unique=True, validators=[slug_format_validator])
    frameworks = models.ManyToManyField(Framework, related_name="comparisons")
    tldr = markdown_field(COMPARISON_TLDR_MAX, blank=False, verbose_name="TL;DR", help_text="The verdict in brief.")
    tldr_html = models.TextField(editable=False, default="")
    introduction = markdown_field(COMPARISON_TEXT_MAX)
    introduction_html = models.TextField(editable=False, default="")
    conclusion = markdown_field(COMPARISON_TEXT_MAX)
    conclusion_html = models.TextField(editable=False, default="")
    status = models.CharField(max_length=20, choices=ComparisonStatus.choices, default=ComparisonStatus.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    framework_set = models.CharField(
        max_length=500,
        editable=False,
        default="",
        db_index=True,
        help_text="framework_set_key() of its frameworks, kept in step by signals; one published comparison per set.",
    )

    objects = ComparisonQuerySet.as_manager()
    history = HistoricalRecords(
        m2m_fields=[frameworks], excluded_fields=["tldr_html", "introduction_html", "conclusion_html"]
    )

    markdown_fields = {"tldr": "tldr_html", "introduction": "introduction_html", "conclusion": "conclusion_html"}

    class Meta:
        ordering = ["-published_at", "title"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(slug=""), name="comparison_slug_not_blank"),
            choices_constraint("comparison", "status", ComparisonStatus),
            models.CheckConstraint(
                condition=~models.Q(status=ComparisonStatus.PUBLISHED) | models.Q(published_at__isnull=False),
                name="comparison_published_has_publish_date",
            ),
            models.UniqueConstraint(
                fields=["framework_set"],
                condition=models.Q(status=ComparisonStatus.PUBLISHED) & ~models.Q(framework_set=""),
                name="comparison_one_published_per_framework_set",
            ),
            length_constraint("comparison", "tldr", COMPARISON_TLDR_MAX),
            length_constraint("comparison", "introduction", COMPARISON_TEXT_MAX),
            length_constraint("comparison", "conclusion", COMPARISON_TEXT_MAX),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        slugs = [framework.slug for framework in self.frameworks.all()]
        return compare_path(slugs) if slugs else reverse("comparisons:comparison-list")

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["comparisons.framework"]

    @property
    def is_published(self) -> bool:
        return self.status == ComparisonStatus.PUBLISHED

    def validate_frameworks(self, frameworks) -> None:
        """Two or more frameworks; when published, all public and no other published comparison of the same set."""
        frameworks = list(frameworks)
        if len(frameworks) < 2:
            raise ValidationError(
                {"frameworks": "Choose at least two frameworks to compare."}, code="too_few_frameworks"
            )
        if self.status != ComparisonStatus.PUBLISHED:
            return
        drafts = sorted(framework.name for framework in frameworks if not framework.is_published)
        if drafts:
            raise ValidationError(
                {"frameworks": f"Publish these frameworks first, or keep the comparison a draft: {', '.join(drafts)}."},
                code="unpublished_frameworks",
            )
        key = framework_set_key(framework.pk for framework in frameworks)
        other = Comparison.objects.filter(status=ComparisonStatus.PUBLISHED, framework_set=key).exclude(pk=self.pk)
        if other.exists():
            raise ValidationError(
                {"frameworks": f"“{other.first()}” is already the published comparison of exactly these frameworks."},
                code="duplicate_framework_set",
            )

    def compared_framework_ids(self) -> set[int]:
        """The frameworks being compared: those chosen in the admin form being saved, else the stored ones."""
        submitted = getattr(self, "submitted_frameworks", None)
        if submitted is not None:
            return {framework.pk for framework in submitted}
        return set(self.frameworks.values_list("pk", flat=True)) if self.pk else set()


class ComparisonPoint(RendersMarkdown, TimeStampedModel):
    """The key difference between a comparison's frameworks on one criterion."""

    comparison = models.ForeignKey(Comparison, on_delete=models.CASCADE, related_name="points")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="comparison_points")
    key_difference = markdown_field(KEY_DIFFERENCE_MAX, blank=False)
    key_difference_html = models.TextField(editable=False, default="")
    edge = models.CharField(max_length=20, choices=Edge.choices, default=Edge.NOT_STATED, blank=True)
    edge_framework = models.ForeignKey(
        Framework,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Only when one framework has the edge.",
    )
    position = models.PositiveIntegerField(default=0)

    objects = ComparisonPointQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["key_difference_html"])

    markdown_fields = {"key_difference": "key_difference_html"}

    class Meta:
        ordering = ["position", "criterion__group__position", "criterion__position"]
        constraints = [
            models.UniqueConstraint(fields=["comparison", "criterion"], name="comparisonpoint_one_per_criterion"),
            choices_constraint("comparisonpoint", "edge", Edge),
            models.CheckConstraint(
                condition=models.Q(edge=Edge.FRAMEWORK, edge_framework__isnull=False)
                | (~models.Q(edge=Edge.FRAMEWORK) & models.Q(edge_framework__isnull=True)),
                name="comparisonpoint_edge_framework_iff_framework_edge",
            ),
            length_constraint("comparisonpoint", "key_difference", KEY_DIFFERENCE_MAX),
        ]

    def __str__(self):
        return f"{self.comparison} · {self.criterion}"

    def natural_key(self):
        return (*self.comparison.natural_key(), *self.criterion.natural_key())

    natural_key.dependencies = ["comparisons.comparison", "comparisons.criterion"]

    def clean(self):
        if self.edge == Edge.FRAMEWORK and self.edge_framework_id is None:
            raise ValidationError({"edge_framework": "Choose which framework has the edge."})
        if self.edge != Edge.FRAMEWORK and self.edge_framework_id is not None:
            raise ValidationError({"edge_framework": "Leave this empty unless one framework has the edge."})
        has_comparison = self.comparison_id is not None or ComparisonPoint.comparison.is_cached(self)
        if (
            self.edge_framework_id is not None
            and has_comparison
            and self.edge_framework_id not in self.comparison.compared_framework_ids()
        ):
            raise ValidationError(
                {"edge_framework": f"{self.edge_framework} is not one of this comparison's frameworks."}
            )


PROBLEM_REPORT_MAX = 2_000


class ProblemReport(models.Model):
    """A reader's note that an assessment is wrong. It never changes content by itself."""

    Status = ReportStatus

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="problem_reports")
    message = models.TextField(max_length=PROBLEM_REPORT_MAX, help_text="What is wrong.")
    source_url = url_field("source URL", blank=True, help_text="Where the right answer is.")
    email = models.EmailField(blank=True, help_text="Only to ask the reader a question; never shown.")
    status = models.CharField(max_length=20, choices=ReportStatus.choices, default=ReportStatus.NEW)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            choices_constraint("problemreport", "status", ReportStatus),
            models.CheckConstraint(condition=~models.Q(message=""), name="problemreport_message_not_empty"),
            length_constraint("problemreport", "message", PROBLEM_REPORT_MAX),
        ]

    def __str__(self):
        return f"Report on {self.assessment}"


class DataCredit(models.Model):
    """The licence of third-party data an import brought in, credited on every page and in every export."""

    name = one_line_field(max_length=100, help_text="The licence, for example CC BY 4.0.")
    url = url_field("URL")
    attribution = one_line_field(
        max_length=200, blank=True, help_text="Whom the licence asks to credit (none for CC0 and the like)."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["attribution", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "url", "attribution"], name="datacredit_once_per_licence")
        ]

    def __str__(self):
        return f"{self.attribution} ({self.name})"


EVIDENCE_OUTPUT_MAX = 4_000


class Evidence(models.Model):
    """The last result of running one probe (a file under probes/) on one release and Python version.

    Written by the collector (comparisons/evidence/); a later run of the same probe,
    release and Python replaces it. `probe_sha` says which text of the probe ran,
    `example_sha` which code of a code example an example probe ran.
    """

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="evidence")
    probe = models.CharField(max_length=200, help_text="Its path under probes/, e.g. flask/request-object.py.")
    kind = models.CharField(max_length=10, choices=ProbeKind.choices)
    probe_sha = models.CharField("probe SHA-256", max_length=64)
    example_sha = models.CharField("example code SHA-256", max_length=64, blank=True)
    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="evidence")
    python_version = models.CharField("Python", max_length=20)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    output = models.TextField(max_length=EVIDENCE_OUTPUT_MAX, blank=True, help_text="The start of what it printed.")
    duration = models.DurationField()
    ran_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name_plural = "evidence"
        ordering = ["probe", "-release__ordinal", "-python_version"]
        constraints = [
            models.UniqueConstraint(fields=["probe", "release", "python_version"], name="evidence_once_per_run"),
            choices_constraint("evidence", "outcome", Outcome),
            choices_constraint("evidence", "kind", ProbeKind),
        ]

    def __str__(self):
        return f"{self.probe} on {self.release} (Python {self.python_version}): {self.get_outcome_display()}"

    @property
    def python_series(self) -> str:
        """The series of the Python it ran on ("3.13" of "3.13.0"): what a reader needs to know."""
        return ".".join(self.python_version.split(".")[:2])


class Disagreement(models.Model):
    """Evidence that contradicts a cell, waiting for an editor: nothing changes until one accepts it."""

    Kind = DisagreementKind
    Status = DisagreementStatus

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="disagreements")
    evidence = models.ForeignKey(Evidence, on_delete=models.CASCADE, related_name="disagreements")
    kind = models.CharField(max_length=10, choices=DisagreementKind.choices)
    cell_says = models.CharField(max_length=300)
    evidence_says = models.CharField(max_length=300)
    # The probe's text it came from: a closed disagreement is not opened again until the probe changes.
    probe_sha = models.CharField("probe SHA-256", max_length=64, blank=True)
    proposed_since = models.ForeignKey(
        Release, on_delete=models.CASCADE, null=True, blank=True, related_name="+", help_text="For “since” only."
    )
    status = models.CharField(max_length=10, choices=DisagreementStatus.choices, default=DisagreementStatus.OPEN)
    resolved_by = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="resolved_disagreements"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["status", "-created_at"]
        constraints = [
            choices_constraint("disagreement", "kind", DisagreementKind),
            choices_constraint("disagreement", "status", DisagreementStatus),
            models.UniqueConstraint(
                fields=["evidence", "kind"],
                condition=models.Q(status=DisagreementStatus.OPEN),
                name="disagreement_open_once",
            ),
        ]

    def __str__(self):
        return f"{self.assessment}: {self.evidence_says}"
