"""What the API shows and accepts. Markdown comes as the source and as sanitized HTML.

Writes are validated as the admin validates them: field validators (Markdown
caps), the model's clean() and its database constraints, through full_clean().
"""

import copy
import re

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .. import services
from ..choices import SupportLevel
from ..models import (
    SLUG_PATTERN,
    Assessment,
    Comparison,
    ComparisonPoint,
    Criterion,
    CriterionGroup,
    Extension,
    Framework,
    Source,
    Tag,
)
from ..selectors import compared_frameworks
from .errors import Conflict, PreconditionRequired


class VersionedMixin(serializers.Serializer):
    # Changing or replacing a row needs the version it was read at: without it a
    # write could silently undo a colleague's change (428); with an old one it
    # is refused (409). Creating a row needs none.
    version = serializers.IntegerField(
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


class SlugReference(serializers.SlugRelatedField):
    """A related row named by its slug; a malformed slug is refused before any query."""

    def to_internal_value(self, data):
        if not isinstance(data, str) or not SLUG.match(data):
            self.fail("does_not_exist", slug_name=self.slug_field, value=str(data)[:100])
        return super().to_internal_value(data)


class TagSerializer(VersionedMixin, ModelValidationMixin, serializers.HyperlinkedModelSerializer):
    class Meta:
        model = Tag
        fields = ["url", "name", "slug", "version"]
        extra_kwargs = {"url": {"lookup_field": "slug", "view_name": "api:tag-detail"}}


class CriterionGroupSerializer(VersionedMixin, ModelValidationMixin, serializers.HyperlinkedModelSerializer):
    class Meta:
        model = CriterionGroup
        fields = ["url", "name", "slug", "description", "position", "version"]
        extra_kwargs = {"url": {"lookup_field": "slug", "view_name": "api:criteriongroup-detail"}}


class ExtensionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Extension
        fields = ["name", "slug", "url", "summary"]


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["title", "url"]


class AssessmentSerializer(VersionedMixin, ModelValidationMixin, serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:assessment-detail")
    framework = SlugReference(slug_field="slug", queryset=Framework.objects.all())
    criterion = SlugReference(slug_field="slug", queryset=Criterion.objects.all())
    support_level = serializers.ChoiceField(choices=SupportLevel.choices)
    extensions = SlugReference(slug_field="slug", many=True, required=False, queryset=Extension.objects.all())
    sources = SourceSerializer(many=True, required=False, help_text="Replaces all sources when given.")
    is_stale = serializers.BooleanField(read_only=True, help_text="Last reviewed longer ago than the site allows.")

    class Meta:
        model = Assessment
        fields = [
            "id",
            "url",
            "framework",
            "criterion",
            "support_level",
            "summary",
            "details",
            "details_html",
            "extensions",
            "sources",
            "last_reviewed",
            "is_stale",
            "updated_at",
            "version",
        ]
        read_only_fields = ["details_html", "updated_at"]

    def validate_sources(self, sources):
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
        extensions = validated_data.pop("extensions", None)
        sources = validated_data.pop("sources", None)
        for name, value in validated_data.items():
            setattr(assessment, name, value)
        pairs = None if sources is None else [(source["title"], source["url"]) for source in sources]
        return services.save_assessment(assessment, extensions=extensions, sources=pairs)


class FrameworkSerializer(VersionedMixin, ModelValidationMixin, serializers.HyperlinkedModelSerializer):
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
            "latest_version",
            "tags",
            "is_published",
            "created_at",
            "updated_at",
            "version",
        ]
        read_only_fields = ["description_html", "created_at", "updated_at"]
        extra_kwargs = {"url": {"lookup_field": "slug", "view_name": "api:framework-detail"}}


class FrameworkAssessmentSerializer(serializers.ModelSerializer):
    """An assessment inside its framework: the framework is implied."""

    url = serializers.HyperlinkedIdentityField(view_name="api:assessment-detail")
    criterion = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    extensions = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    sources = SourceSerializer(many=True, read_only=True)
    is_stale = serializers.BooleanField(read_only=True)

    class Meta:
        model = Assessment
        fields = [name for name in AssessmentSerializer.Meta.fields if name != "framework"]


class FrameworkDetailSerializer(FrameworkSerializer):
    assessments = FrameworkAssessmentSerializer(many=True, read_only=True, source="public_assessments")

    class Meta(FrameworkSerializer.Meta):
        fields = [*FrameworkSerializer.Meta.fields, "assessments"]


class CriterionSerializer(VersionedMixin, ModelValidationMixin, serializers.HyperlinkedModelSerializer):
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


class CompareQuerySerializer(serializers.Serializer):
    frameworks = CommaSeparatedSlugsField(limit=50, help_text="Two to six framework slugs, comma-separated.")

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


class CompareGroupLinkSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    url = serializers.URLField(help_text="This comparison's matrix for that group.")


class FrameworkRefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:framework-detail", lookup_field="slug")

    class Meta:
        model = Framework
        fields = ["slug", "name", "url"]


class CriterionRefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:criterion-detail", lookup_field="slug")

    class Meta:
        model = Criterion
        fields = ["slug", "name", "url"]


class MatrixCellSerializer(FrameworkAssessmentSerializer):
    framework = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta(FrameworkAssessmentSerializer.Meta):
        fields = ["framework", *FrameworkAssessmentSerializer.Meta.fields]


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
    groups = MatrixGroupSerializer(many=True)
    group_links = CompareGroupLinkSerializer(
        many=True, help_text="Every criterion group, each with the URL of this comparison's matrix for it."
    )
    comparison = ComparisonSerializer(allow_null=True)
