"""What the API shows and accepts. Markdown comes as the source and as sanitized HTML.

Writes are validated as the admin validates them: field validators (Markdown
caps), the model's clean() and its database constraints, through full_clean().

Some 730 lines, as DRF lays out an API: a serializer per resource and per
nested part (sources, statements, code examples, releases, the compare
matrix); most of it is field declarations.
"""

import copy
import re
from typing import NamedTuple

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.relations import MANY_RELATION_KWARGS

from .. import services
from ..choices import SupportLevel
from ..columns import compared_frameworks
from ..evidence import checks as evidence_checks
from ..models import (
    MAX_SOURCES,
    SLUG_PATTERN,
    URI_CHARACTER,
    Assessment,
    CodeExample,
    Comparison,
    ComparisonPoint,
    Criterion,
    CriterionGroup,
    Evidence,
    Extension,
    Framework,
    Release,
    Source,
    SupportStatement,
    Tag,
)
from ..versions import VERSION_IN_URL, find_release
from .errors import Conflict, PreconditionRequired


class StringsOnly:
    """Takes a JSON string only: DRF's text fields turn numbers and booleans into text, which the schema forbids."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class BooleansOnly:
    """Takes a JSON true or false only, not "yes", "1" or "on"."""

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid")
        return super().to_internal_value(data)


class IntegersOnly:
    """Takes a JSON number with no fraction only, not "5"."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not (isinstance(data, int) or (isinstance(data, float) and data.is_integer())):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictBooleanField(BooleansOnly, serializers.BooleanField):
    pass


class StrictIntegerField(IntegersOnly, serializers.IntegerField):
    pass


class StrictCharField(StringsOnly, serializers.CharField):
    pass


class StrictSlugField(StringsOnly, serializers.SlugField):
    pass


# The URLs Django's URLValidator and ours both take, as a pattern a schema-driven client can generate from:
# http(s), a host of at most 253 characters (a name with a top-level domain, localhost or IPv4), an
# optional port, then only characters a URI may contain.
_OCTET = r"(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
_LABEL = r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
API_URL_PATTERN = (
    rf"^(?=https?://[^/?#]{{1,253}}([/?#]|$))https?://(localhost|{_OCTET}(\.{_OCTET}){{3}}|({_LABEL}\.)+[A-Za-z]{{2,63}})"
    rf"(:[0-9]{{1,5}})?([/?#]{URI_CHARACTER}*)?$"
)


@extend_schema_field({"type": "string", "format": "uri", "pattern": API_URL_PATTERN, "maxLength": 500})
class StrictURLField(StringsOnly, serializers.URLField):
    pass


class StrictEmailField(StringsOnly, serializers.EmailField):
    pass


class StrictStringsMixin:
    """Model fields become serializer fields that take only their JSON type: text a string, a flag a boolean."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
        models.SlugField: StrictSlugField,
        models.URLField: StrictURLField,
        models.EmailField: StrictEmailField,
        models.BooleanField: StrictBooleanField,
        models.IntegerField: StrictIntegerField,
        models.SmallIntegerField: StrictIntegerField,
        models.PositiveIntegerField: StrictIntegerField,
        models.PositiveSmallIntegerField: StrictIntegerField,
    }


class VersionedMixin(serializers.Serializer):
    # Changing or replacing a row needs the version it was read at: without it a
    # write could silently undo a colleague's change (428); with an old one it
    # is refused (409). Creating a row needs none.
    version = StrictIntegerField(
        min_value=1,
        required=False,
        help_text="The version you read. Required to change or replace; raised by one on every save.",
    )

    def validate(self, attrs):
        if self.instance is not None:
            current = type(self.instance).current_version(self.instance.pk)
            given = attrs.get("version")
            if given is None:
                raise PreconditionRequired()
            if given != current:
                raise Conflict(
                    f"This is version {current}; you sent version {given}. Read it again and reapply your change."
                )
            attrs["version"] = current
        else:
            attrs.pop("version", None)
        return super().validate(attrs)


class ModelValidationMixin:
    # Runs the model's own validation (field validators, clean(), constraints) on the
    # instance a write would produce, as a ModelForm does. (A comment, not a docstring,
    # so the OpenAPI schema does not show it as every resource's description.)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        instance = copy.copy(self.instance) if self.instance is not None else model()
        concrete = {field.name for field in model._meta.concrete_fields}
        for name, value in attrs.items():
            if name in concrete:
                setattr(instance, name, value)
        writable = {name for name, field in self.fields.items() if not field.read_only}
        exclude = [name for name in concrete if name not in writable]
        try:
            instance.full_clean(exclude=exclude)
        except DjangoValidationError as error:
            raise serializers.ValidationError(serializers.as_serializer_error(error)) from None
        return attrs


SLUG = re.compile(rf"^{SLUG_PATTERN}$")


class SlugReferences(serializers.ManyRelatedField):
    """A JSON list of slugs; DRF's own would read an object as the list of its keys."""

    def to_internal_value(self, data):
        if not isinstance(data, list):
            self.fail("not_a_list", input_type=type(data).__name__)
        return super().to_internal_value(data)


class SlugReference(serializers.SlugRelatedField):
    """A related row named by its slug; a malformed slug is refused before any query."""

    @classmethod
    def many_init(cls, *args, **kwargs):
        # As DRF's own many_init, with the list field that takes only lists.
        list_kwargs = {key: value for key, value in kwargs.items() if key in MANY_RELATION_KWARGS}
        return SlugReferences(child_relation=cls(*args, **kwargs), **list_kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str) or not SLUG.match(data):
            self.fail("does_not_exist", slug_name=self.slug_field, value=str(data)[:100])
        return super().to_internal_value(data)


class TagSerializer(StrictStringsMixin, VersionedMixin, ModelValidationMixin, serializers.HyperlinkedModelSerializer):
    class Meta:
        model = Tag
        fields = ["url", "name", "slug", "version"]
        extra_kwargs = {"url": {"lookup_field": "slug", "view_name": "api:tag-detail"}}


class CriterionGroupSerializer(
    StrictStringsMixin, VersionedMixin, ModelValidationMixin, serializers.HyperlinkedModelSerializer
):
    class Meta:
        model = CriterionGroup
        fields = ["url", "name", "slug", "description", "position", "version"]
        extra_kwargs = {"url": {"lookup_field": "slug", "view_name": "api:criteriongroup-detail"}}


class ExtensionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Extension
        fields = ["name", "slug", "url", "summary"]


class SourceSerializer(StrictStringsMixin, serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["title", "url"]


class ReleaseSerializer(serializers.ModelSerializer):
    class Meta:
        model = Release
        fields = ["version", "released_on", "is_yanked", "requires_python", "is_lts", "supported_until"]


class ReleaseVersionField(serializers.CharField):
    """A release named by its version ("4.2"); resolved against the assessment's framework in `validate`."""

    def __init__(self, **kwargs):
        super().__init__(allow_null=True, required=False, max_length=50, **kwargs)

    def to_representation(self, release):
        return release.version


class SupportStatementSerializer(StrictStringsMixin, serializers.ModelSerializer):
    since = ReleaseVersionField(help_text="The first release it holds for; null: from the first (or not known).")
    until = ReleaseVersionField(help_text="The first release it no longer holds for; null: it still holds.")

    class Meta:
        model = SupportStatement
        fields = ["support_level", "since", "until", "note"]


class CodeExampleSerializer(StrictStringsMixin, serializers.ModelSerializer):
    release = ReleaseVersionField(help_text="The release it was written for and run on.")

    class Meta:
        model = CodeExample
        fields = ["title", "language", "release", "requirements", "code", "output", "code_html"]
        read_only_fields = ["code_html"]
        # Code and its output are kept as written: DRF would strip the first line's indentation.
        extra_kwargs = {"code": {"trim_whitespace": False}, "output": {"trim_whitespace": False}}


class EvidenceSerializer(serializers.ModelSerializer):
    release = serializers.CharField(source="release.version", help_text="The framework release it ran on.")
    python = serializers.CharField(source="python_version")
    duration_seconds = serializers.SerializerMethodField()
    is_stale = serializers.SerializerMethodField(help_text="Its probe has changed since, or it is too old to count.")

    class Meta:
        model = Evidence
        fields = ["probe", "kind", "release", "python", "outcome", "output", "duration_seconds", "ran_at", "is_stale"]
        read_only_fields = fields

    def get_duration_seconds(self, evidence) -> float:
        return round(evidence.duration.total_seconds(), 3)

    def get_is_stale(self, evidence) -> bool:
        return evidence_checks.is_stale(evidence)


class AssessmentSerializer(
    StrictStringsMixin, VersionedMixin, ModelValidationMixin, serializers.HyperlinkedModelSerializer
):
    url = serializers.HyperlinkedIdentityField(view_name="api:assessment-detail")
    framework = SlugReference(slug_field="slug", queryset=Framework.objects.all())
    criterion = SlugReference(slug_field="slug", queryset=Criterion.objects.all())
    support_level = serializers.ChoiceField(choices=SupportLevel.choices)
    extensions = SlugReference(slug_field="slug", many=True, required=False, queryset=Extension.objects.all())
    sources = SourceSerializer(
        many=True, required=False, help_text=f"Replaces all sources when given; at most {MAX_SOURCES}."
    )
    is_stale = serializers.BooleanField(read_only=True, help_text="Last reviewed longer ago than the site allows.")
    since = serializers.CharField(
        source="since_version", read_only=True, help_text="The release the current level holds since, if known."
    )
    statements = SupportStatementSerializer(
        many=True,
        required=False,
        help_text="Support over releases; replaces all statements when given. The one covering the newest "
        "release sets `support_level`.",
    )
    code_examples = CodeExampleSerializer(many=True, required=False, help_text="Replaces all examples when given.")
    evidence = EvidenceSerializer(
        many=True, read_only=True, help_text="The last result of each probe on each release (docs/evidence.md)."
    )
    verified = serializers.SerializerMethodField(
        help_text="A recent probe passed on the framework's current release, and none failed there."
    )

    class Meta:
        model = Assessment
        fields = [
            "id",
            "url",
            "framework",
            "criterion",
            "support_level",
            "since",
            "summary",
            "details",
            "details_html",
            "extensions",
            "sources",
            "statements",
            "code_examples",
            "evidence",
            "verified",
            "last_reviewed",
            "is_stale",
            "updated_at",
            "version",
        ]
        read_only_fields = ["details_html", "updated_at"]

    def get_verified(self, assessment) -> bool:
        return evidence_checks.is_verified(assessment)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        framework = attrs.get("framework") or (self.instance.framework if self.instance else None)
        if framework is None:
            return attrs
        errors = {}
        releases = list(framework.releases.all()) if {"statements", "code_examples"} & set(attrs) else []

        def release_named(version, field):
            if version in (None, ""):
                return None
            release = find_release(releases, version)
            if release is None:
                errors.setdefault(field, []).append(f"{framework.name} has no release “{version}”.")
            return release

        if "statements" in attrs:
            attrs["statements"] = [
                SupportStatement(
                    support_level=row["support_level"],
                    since=release_named(row.get("since"), "statements"),
                    until=release_named(row.get("until"), "statements"),
                    note=row.get("note", ""),
                )
                for row in attrs["statements"]
            ]
            if "statements" not in errors:
                ranges = [
                    (each.since.version if each.since else None, each.until.version if each.until else None)
                    for each in attrs["statements"]
                ]
                errors.update(
                    {"statements": problems} if (problems := services.statement_range_problems(ranges)) else {}
                )
        if "code_examples" in attrs:
            examples = []
            for index, row in enumerate(attrs["code_examples"]):
                example = CodeExample(**{**row, "release": release_named(row.get("release"), "code_examples")})
                try:
                    example.full_clean(exclude=["assessment"])
                except DjangoValidationError as error:
                    found = errors.setdefault("code_examples", [])
                    for name, messages in error.message_dict.items():
                        found.extend(f"Example {index + 1}, {name}: {message}" for message in messages)
                examples.append(example)
            attrs["code_examples"] = examples
        if "support_level" in self.initial_data and "statements" not in errors:
            self.check_level_follows_statements(attrs, framework, errors)
        if errors:
            raise serializers.ValidationError(errors)
        return attrs

    def check_level_follows_statements(self, attrs, framework, errors) -> None:
        """A level sent with (or onto) support statements must be theirs: they set it."""
        if "statements" in attrs:
            statements = attrs["statements"]
        elif self.instance is not None:
            statements = list(self.instance.statements.select_related("since", "until"))
        else:
            statements = []
        current = services.current_of(framework.pk, statements)
        if current is not None and attrs.get("support_level") != current[0]:
            label = SupportLevel(current[0]).label
            errors["support_level"] = [
                f"The level comes from the support statements: at {framework.name}'s newest release they say "
                f"“{label}”. Change the statements, or send the level they give."
            ]

    def validate_sources(self, sources):
        if len(sources) > MAX_SOURCES:
            raise serializers.ValidationError(f"At most {MAX_SOURCES} sources; this sends {len(sources)}.")
        # Nested fields are optional in a PATCH; a source still needs both parts.
        for index, source in enumerate(sources):
            missing = [name for name in ("title", "url") if not source.get(name)]
            if missing:
                raise serializers.ValidationError(f"Source {index + 1} needs a {' and a '.join(missing)}.")
        urls = [source["url"] for source in sources]
        if len(urls) != len(set(urls)):
            raise serializers.ValidationError("Each source URL may appear only once.")
        return sources

    def create(self, validated_data):
        return self.save_with_links(Assessment(), validated_data)

    def update(self, instance, validated_data):
        return self.save_with_links(instance, validated_data)

    @staticmethod
    def save_with_links(assessment, validated_data):
        links = {
            name: validated_data.pop(name, None) for name in ("extensions", "sources", "statements", "code_examples")
        }
        for name, value in validated_data.items():
            setattr(assessment, name, value)
        if links["sources"] is not None:
            links["sources"] = [(source["title"], source["url"]) for source in links["sources"]]
        return services.save_assessment(assessment, **links)


class FrameworkSerializer(
    StrictStringsMixin, VersionedMixin, ModelValidationMixin, serializers.HyperlinkedModelSerializer
):
    tags = SlugReference(slug_field="slug", many=True, required=False, queryset=Tag.objects.all())

    class Meta:
        model = Framework
        fields = [
            "url",
            "name",
            "slug",
            "summary",
            "description",
            "description_html",
            "language",
            "license",
            "website_url",
            "repository_url",
            "documentation_url",
            "first_release_year",
            "packages",
            "latest_version",
            "tags",
            "is_published",
            "created_at",
            "updated_at",
            "version",
        ]
        read_only_fields = ["description_html", "latest_version", "created_at", "updated_at"]
        extra_kwargs = {"url": {"lookup_field": "slug", "view_name": "api:framework-detail"}}


class FrameworkAssessmentSerializer(serializers.ModelSerializer):
    """An assessment inside its framework: the framework is implied."""

    url = serializers.HyperlinkedIdentityField(view_name="api:assessment-detail")
    criterion = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    extensions = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    sources = SourceSerializer(many=True, read_only=True)
    is_stale = serializers.BooleanField(read_only=True)
    since = serializers.CharField(source="since_version", read_only=True)
    statements = SupportStatementSerializer(many=True, read_only=True)
    code_examples = CodeExampleSerializer(many=True, read_only=True)

    class Meta:
        model = Assessment
        # Evidence is read through assessments/, where it is prefetched; nested cells leave it out.
        fields = [
            name for name in AssessmentSerializer.Meta.fields if name not in ("framework", "evidence", "verified")
        ]


class FrameworkDetailSerializer(FrameworkSerializer):
    assessments = FrameworkAssessmentSerializer(many=True, read_only=True, source="public_assessments")

    class Meta(FrameworkSerializer.Meta):
        fields = [*FrameworkSerializer.Meta.fields, "assessments"]


class CriterionSerializer(
    StrictStringsMixin, VersionedMixin, ModelValidationMixin, serializers.HyperlinkedModelSerializer
):
    group = SlugReference(slug_field="slug", queryset=CriterionGroup.objects.all())

    class Meta:
        model = Criterion
        fields = [
            "url",
            "name",
            "slug",
            "group",
            "summary",
            "description",
            "description_html",
            "position",
            "is_published",
            "created_at",
            "updated_at",
            "version",
        ]
        read_only_fields = ["description_html", "created_at", "updated_at"]
        extra_kwargs = {"url": {"lookup_field": "slug", "view_name": "api:criterion-detail"}}


class ComparisonPointSerializer(serializers.ModelSerializer):
    criterion = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    edge_framework = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = ComparisonPoint
        fields = ["criterion", "key_difference", "key_difference_html", "edge", "edge_framework", "position"]


class ComparisonSerializer(serializers.HyperlinkedModelSerializer):
    frameworks = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    points = ComparisonPointSerializer(many=True, read_only=True)
    page_url = serializers.SerializerMethodField(help_text="The public compare page that shows this comparison.")

    class Meta:
        model = Comparison
        fields = [
            "url",
            "title",
            "slug",
            "frameworks",
            "tldr",
            "tldr_html",
            "introduction",
            "introduction_html",
            "conclusion",
            "conclusion_html",
            "status",
            "published_at",
            "updated_at",
            "page_url",
            "points",
        ]
        extra_kwargs = {"url": {"lookup_field": "slug", "view_name": "api:comparison-detail"}}

    @extend_schema_field(serializers.URLField())
    def get_page_url(self, comparison) -> str:
        request = self.context.get("request")
        path = comparison.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


# -- the compare endpoint ------------------------------------------------------


@extend_schema_field(OpenApiTypes.STR)
class CommaSeparatedSlugsField(serializers.Field):
    """`flask,django` → ["flask", "django"] (repeats dropped, order kept)."""

    default_error_messages = {
        "invalid": "Give slugs separated by commas, for example “flask,django”.",
        "too_many": "Give at most {limit} slugs.",
    }

    def __init__(self, *, limit=100, **kwargs):
        self.limit = limit
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str) or "\x00" in data:
            self.fail("invalid")
        slugs = list(dict.fromkeys(part.strip() for part in data.split(",") if part.strip()))
        if len(slugs) > self.limit:
            self.fail("too_many", limit=self.limit)
        return slugs

    def to_representation(self, value):
        return ",".join(value)


_REF = rf"{SLUG_PATTERN}(?:@{VERSION_IN_URL})?"


@extend_schema_field({"type": "string", "pattern": rf"^[\s,]*({_REF}(\s*,[\s,]*{_REF})*)?[\s,]*$"})
class FrameworkRefsField(CommaSeparatedSlugsField):
    """`django@4.2,flask`: framework slugs, each optionally at a release, separated by commas."""


class CompareQuerySerializer(serializers.Serializer):
    frameworks = FrameworkRefsField(
        limit=50,
        help_text="Two to six framework slugs, comma-separated, each optionally at a release: django@4.2,flask.",
    )

    def validate_frameworks(self, slugs) -> list:
        try:
            return compared_frameworks(slugs)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from None

    criteria = CommaSeparatedSlugsField(
        required=False, limit=200, help_text="Only these criteria (slugs, comma-separated); all when left out."
    )
    differences_only = serializers.BooleanField(
        required=False, default=False, help_text="Leave out rows where every framework has the same level."
    )
    group = serializers.SlugField(
        required=False,
        max_length=100,
        help_text=(
            "Only this criterion group (a slug). With many criteria and no `criteria` or `group` given, "
            "the matrix has one group, the first: follow `groups` for the others."
        ),
    )
    part = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=1_000_000,
        help_text=(
            "Which hundred criteria of a large group (1 is the first): a group of more than 100 criteria "
            "is returned 100 at a time; follow `next` and `previous`."
        ),
    )


class CompareGroupLinkSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    url = serializers.URLField(help_text="This comparison's matrix for that group.")


class FrameworkRefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:framework-detail", lookup_field="slug")
    release = serializers.SerializerMethodField(help_text="The release compared; null: the current one.")

    class Meta:
        model = Framework
        fields = ["slug", "name", "release", "latest_version", "url"]

    def get_release(self, framework) -> str | None:
        release = getattr(framework, "release", None)
        return release.version if release is not None else None


class CriterionRefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:criterion-detail", lookup_field="slug")

    class Meta:
        model = Criterion
        fields = ["slug", "name", "url"]


class MatrixCellSerializer(FrameworkAssessmentSerializer):
    """A cell at its column's release: `support_level` and `since` are the statement covering that release."""

    framework = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    since = serializers.SerializerMethodField()
    note = serializers.CharField(source="shown_statement.note", read_only=True, help_text="The statement's note.")

    class Meta(FrameworkAssessmentSerializer.Meta):
        fields = [
            "framework",
            *(f for f in FrameworkAssessmentSerializer.Meta.fields if f not in ("statements", "code_examples")),
            "note",
        ]

    def get_since(self, assessment) -> str:
        statement = assessment.shown_statement
        return statement.since.version if statement.since_id else getattr(statement, "since_text", "")

    def to_representation(self, instance):
        if isinstance(instance, RepresentedCell):  # made earlier and kept (api/views.py)
            return instance.data
        return super().to_representation(instance)


class RepresentedCell(NamedTuple):
    """A compare cell already turned into JSON types, with its level for the row's `is_uniform`."""

    support_level: str
    data: dict


class MatrixRowSerializer(serializers.Serializer):
    criterion = CriterionRefSerializer()
    cells = serializers.ListField(
        child=MatrixCellSerializer(allow_null=True), help_text="One per framework, in order; null = not assessed yet."
    )
    is_uniform = serializers.BooleanField(help_text="Every framework has the same support level here.")
    point = ComparisonPointSerializer(allow_null=True, help_text="The editors' key difference, if any.")


class MatrixGroupSerializer(serializers.Serializer):
    group = CriterionGroupSerializer()
    rows = MatrixRowSerializer(many=True)


class CompareResultSerializer(serializers.Serializer):
    frameworks = FrameworkRefSerializer(many=True)
    group = serializers.SlugField(allow_null=True, help_text="The one criterion group shown; null when all are.")
    part = serializers.IntegerField(
        allow_null=True, help_text="The part of a large group shown; null when it is whole."
    )
    parts = serializers.IntegerField(allow_null=True, help_text="How many parts the group has; null when it is whole.")
    previous = serializers.URLField(allow_null=True, help_text="The previous part of the group, if any.")
    next = serializers.URLField(allow_null=True, help_text="The next part of the group, if any.")
    groups = MatrixGroupSerializer(many=True)
    group_links = CompareGroupLinkSerializer(
        many=True, help_text="Every criterion group, each with the URL of this comparison's matrix for it."
    )
    comparison = ComparisonSerializer(allow_null=True)
