"""The JSON API under /api/v1/. Read by anyone (published content), written by editors.

Filters are the same FilterSets the public pages use (comparisons/filters.py).
"""

import hashlib
from pathlib import Path

from django.db.models import Prefetch
from django.http import FileResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import filters, permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import caching, matrix, selectors
from ..dataset import json_schema, open_dataset_dump
from ..filters import AssessmentFilterSet, ComparisonFilterSet, FrameworkFilterSet
from ..models import (
    SLUG_PATTERN,
    Assessment,
    CodeExample,
    Comparison,
    ComparisonPoint,
    Criterion,
    CriterionGroup,
    Evidence,
    Framework,
    Tag,
)
from . import serializers as api
from .rendering import encode

CODE_EXAMPLES = Prefetch("code_examples", queryset=CodeExample.objects.select_related("release"))
EVIDENCE = Prefetch(
    "evidence", queryset=Evidence.objects.select_related("release").order_by("probe", "-release__ordinal")
)


class ContentViewSet(viewsets.ModelViewSet):
    """Shared by every content endpoint: drafts for staff only; every write is recorded in the content's history.

    Conditional GET works through ETags (ConditionalGetMiddleware hashes each response),
    which stay right when nested rows change; Last-Modified would not.
    """

    lookup_field = "slug"
    # Only well-formed slugs reach the database; anything else is a 404 in the error shape.
    lookup_value_regex = SLUG_PATTERN

    def shows_drafts(self) -> bool:
        return self.request.user.is_staff


class CachedRowsMixin:
    """List responses built from each row's representation, kept in the fragment cache by id.

    The filters, ordering and page run on the ids alone; a row's JSON comes from
    the cache under the content version, already encoded (`rendering.EncodedJSON`),
    and only the rows no response has needed since the last edit are read in
    full and serialized. Representations
    hold absolute URLs, so they are kept per scheme and host (and per day, as
    `is_stale` changes with time); staff, who also see drafts, get every row
    serialized afresh.
    """

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        if self.shows_drafts() or self.paginator is None:
            return super().list(request, *args, **kwargs)
        ids = self.paginate_queryset(queryset.select_related(None).prefetch_related(None).values_list("pk", flat=True))

        def serialize(missing):
            rows = list(queryset.filter(pk__in=missing))
            data = self.get_serializer(rows, many=True).data
            return {row.pk: encode(item) for row, item in zip(rows, data, strict=True)}

        # By day too: an assessment's `is_stale` turns true with time.
        kind = (
            f"api-json-row:{self.basename}:{request.scheme}://{request.get_host()}:{timezone.localdate().isoformat()}"
        )
        rows = caching.cached_by_content_version(kind, list(ids), serialize)
        return self.get_paginated_response([rows[pk] for pk in ids])


def plain(value):
    """`value` with plain JSON types only, to be kept: a DRF Hyperlink is a str that carries its model instance."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return str(value) if isinstance(value, str) else value


def represented_cells(request, frameworks, criteria) -> dict:
    """The compare cells of `frameworks` on `criteria` as JSON types, each column kept in the fragment cache.

    A column's cells are the same in every set it is compared in; they hold
    absolute URLs and a "needs review" flag, so they are kept per host and day.
    """
    shown = hashlib.sha256(",".join(str(criterion.pk) for criterion in criteria).encode()).hexdigest()
    kind = f"api-matrix-column:{request.scheme}://{request.get_host()}:{shown}:{timezone.localdate().isoformat()}"
    serializer = api.MatrixCellSerializer(context={"request": request})

    def represent(assessment) -> api.RepresentedCell:
        return api.RepresentedCell(assessment.support_level, plain(serializer.to_representation(assessment)))

    return matrix.cached_columns(kind, frameworks, criteria, represent)


def represented_matrix(request, frameworks, criteria, comparison, *, differences_only: bool) -> tuple:
    """The `groups` (rows of cells) and `comparison` of an API compare response, encoded (`rendering.EncodedJSON`).

    Kept in the fragment cache per set of columns, as the compare page keeps its
    matrix: by the criteria shown, the editors' comparison, the host the URLs
    name and the day; a set not asked for since the last edit is made from the
    columns' cached cells.
    """
    shown = hashlib.sha256(",".join(str(criterion.pk) for criterion in criteria).encode()).hexdigest()
    edition = f"{comparison.pk}-{comparison.status}" if comparison is not None else "none"
    day = timezone.localdate().isoformat()
    kind = f"api-compare-json:{request.scheme}://{request.get_host()}:{shown}:{edition}:{differences_only}:{day}"
    key = ",".join(matrix.column_id(framework) for framework in frameworks)

    def represent(keys) -> dict:
        selectors.with_points(comparison, frameworks, criteria)
        cells = represented_cells(request, frameworks, criteria)
        rows = selectors.compare_matrix(frameworks, criteria, cells, comparison, differences_only=differences_only)
        context = {"request": request}
        made = (
            encode(api.MatrixGroupSerializer(rows, many=True, context=context).data),
            encode(api.ComparisonSerializer(comparison, context=context).data) if comparison is not None else None,
        )
        return dict.fromkeys(keys, made)

    return caching.cached_by_content_version(kind, [key], represent)[key]


class TagViewSet(ContentViewSet):
    queryset = Tag.objects.all()
    serializer_class = api.TagSerializer
    search_fields = ["name", "slug"]
    ordering_fields = ["name", "slug"]


class CriterionGroupViewSet(ContentViewSet):
    queryset = CriterionGroup.objects.order_by("position", "name")
    serializer_class = api.CriterionGroupSerializer
    search_fields = ["name", "slug", "description"]
    ordering_fields = ["position", "name", "slug"]


@extend_schema_view(
    list=extend_schema(description="Published frameworks (staff also see drafts), filterable like /frameworks/."),
    retrieve=extend_schema(description="One framework with its assessments on every published criterion."),
)
class FrameworkViewSet(CachedRowsMixin, ContentViewSet):
    serializer_class = api.FrameworkSerializer
    filterset_class = FrameworkFilterSet
    # The filter set brings its own `ordering` parameter.
    filter_backends = [DjangoFilterBackend, filters.SearchFilter]
    search_fields = ["name", "slug", "summary"]

    def get_queryset(self):
        queryset = Framework.objects.prefetch_related("tags")
        if not self.shows_drafts():
            queryset = queryset.published()
        if self.action == "retrieve":
            public = (
                Assessment.objects.filter(criterion__is_published=True)
                .with_related()
                .prefetch_related(selectors.STATEMENTS, CODE_EXAMPLES)
            )
            queryset = queryset.prefetch_related(
                Prefetch(
                    "assessments",
                    queryset=public.order_by("criterion__group__position", "criterion__position", "criterion__name"),
                    to_attr="public_assessments",
                )
            )
        return queryset

    def get_serializer_class(self):
        return api.FrameworkDetailSerializer if self.action == "retrieve" else api.FrameworkSerializer

    @extend_schema(
        responses={200: api.ReleaseSerializer(many=True)},
        description="Every release of the framework on the package index, newest first, with the support "
        "facts the editors add (long-term support, end of support).",
    )
    @action(detail=True, methods=["get"], permission_classes=[permissions.AllowAny])
    def releases(self, request, slug=None):
        framework = self.get_object()
        releases = framework.releases.order_by("-ordinal")
        return Response(api.ReleaseSerializer(releases, many=True).data)


class CriterionViewSet(ContentViewSet):
    serializer_class = api.CriterionSerializer
    search_fields = ["name", "slug", "summary"]
    ordering_fields = ["position", "name", "slug", "updated_at"]

    def get_queryset(self):
        queryset = Criterion.objects.in_display_order()
        return queryset if self.shows_drafts() else queryset.published()


@extend_schema_view(
    list=extend_schema(
        description="The cells of the matrix, filterable by framework, criterion, group, level and age."
    ),
)
class AssessmentViewSet(CachedRowsMixin, ContentViewSet):
    """Assessments are addressed by id, or by framework and criterion slugs (assessments/flask/forms/)."""

    lookup_field = "pk"
    lookup_value_regex = "[0-9]+"
    serializer_class = api.AssessmentSerializer
    filterset_class = AssessmentFilterSet
    search_fields = ["summary", "details", "framework__name", "criterion__name"]
    ordering_fields = ["updated_at", "last_reviewed", "support_level", "id"]

    def get_queryset(self):
        queryset = (
            Assessment.objects.with_related()
            .prefetch_related(selectors.STATEMENTS, CODE_EXAMPLES, EVIDENCE)
            .order_by("id")
        )
        return queryset if self.shows_drafts() else queryset.published()

    def get_object(self):
        if "framework" in self.kwargs:
            self.kwargs["pk"] = (
                self.get_queryset()
                .filter(framework__slug=self.kwargs["framework"], criterion__slug=self.kwargs["criterion"])
                .values_list("pk", flat=True)
                .first()
            ) or 0
        return super().get_object()


class ComparisonViewSet(ContentViewSet):
    """Editor-written comparisons with their per-criterion points. Read-only here; edit in the admin."""

    http_method_names = ["get", "head", "options"]
    serializer_class = api.ComparisonSerializer
    filterset_class = ComparisonFilterSet
    search_fields = ["title", "tldr"]
    ordering_fields = ["published_at", "updated_at", "title"]

    def get_queryset(self):
        drafts = self.shows_drafts()
        queryset = Comparison.objects.all() if drafts else Comparison.objects.published()
        points = ComparisonPoint.objects.for_display() if drafts else ComparisonPoint.objects.published().for_display()
        return queryset.prefetch_related("frameworks", Prefetch("points", queryset=points)).order_by(
            "-published_at", "slug"
        )


class ReadOnlyAPIView(APIView):
    permission_classes = [permissions.AllowAny]
    http_method_names = ["get", "head", "options"]


class CompareView(ReadOnlyAPIView):
    @extend_schema(
        parameters=[api.CompareQuerySerializer],
        responses={200: api.CompareResultSerializer},
        description=(
            "The side-by-side matrix of two to six published frameworks, each at its current release or at "
            "a chosen one (`django@4.2`) — the same data as the compare page — with the editors' comparison "
            "of exactly that set (at current releases) when one is published. At a release, each cell's "
            "`support_level`, `since` and `note` are the support statement covering that release."
        ),
    )
    def get(self, request):
        query = api.CompareQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        frameworks = query.validated_data["frameworks"]
        groups = selectors.groups_by_slug(selectors.published_criterion_groups())
        wanted = query.validated_data.get("criteria")
        named_criteria = selectors.published_criteria_named(wanted) if wanted else []
        if wanted:
            unknown = sorted(set(wanted) - {criterion.slug for criterion in named_criteria})
            if unknown:
                raise serializers.ValidationError({"criteria": [f"Not a published criterion: {', '.join(unknown)}."]})
        named = query.validated_data.get("group")
        if named is not None and named not in groups:
            raise serializers.ValidationError({"group": ["Not a criterion group with published criteria."]})
        # Named criteria may cross groups: then only a named group narrows them.
        total = sum(each.criteria_count for each in groups.values())
        one_at_a_time = not wanted and selectors.shows_one_group_at_a_time(total)
        group = selectors.shown_group(groups, named, one_at_a_time=one_at_a_time)
        try:
            part = selectors.group_part(None if wanted else group, query.validated_data.get("part", 1))
        except ValueError as error:
            raise serializers.ValidationError({"part": [str(error)]}) from None
        shown = selectors.criteria_in_group(named_criteria, group) if wanted else selectors.criteria_shown(group, part)
        at_releases = any(framework.release is not None for framework in frameworks)
        # Editors write comparisons of current releases, as on the page.
        comparison = None if at_releases else selectors.published_comparison_for(frameworks)
        matrix, comparison_data = represented_matrix(
            request, frameworks, shown, comparison, differences_only=query.validated_data["differences_only"]
        )
        result = {
            "frameworks": frameworks,
            "group": group.slug if group else None,
            "part": part.number if part else None,
            "parts": part.count if part else None,
            "previous": self.url_with(request, part=part.number - 1) if part and part.number > 1 else None,
            "next": self.url_with(request, part=part.number + 1) if part and part.number < part.count else None,
            "groups": [],
            "group_links": [
                {"slug": slug, "name": each.name, "url": self.url_with(request, group=slug, part=None)}
                for slug, each in groups.items()
                if not wanted or any(c.group_id == each.pk for c in named_criteria)
            ],
            "comparison": None,
        }
        data = api.CompareResultSerializer(result, context={"request": request}).data
        data.update(groups=matrix, comparison=comparison_data)  # made above, already encoded
        return Response(data)

    @staticmethod
    def url_with(request, **changes) -> str:
        query = request.query_params.copy()
        for name, value in changes.items():
            if value is None:
                query.pop(name, None)
            else:
                query[name] = value
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


class DatasetView(ReadOnlyAPIView):
    @extend_schema(
        responses={200: OpenApiTypes.OBJECT},
        description=(
            "Everything published, as one JSON document in the slug-based dataset format "
            "(format_version 2, licensed CC BY 4.0); its JSON Schema is at dataset/schema/. "
            "`manage.py import_dataset` reads it back."
        ),
    )
    def get(self, request):
        # Streamed from a file written once per content change: bounded memory at any size.
        dump = open_dataset_dump()
        response = FileResponse(dump, content_type="application/json")
        response["ETag"] = f'"{Path(dump.name).stem}"'
        return response


class DatasetSchemaView(ReadOnlyAPIView):
    @extend_schema(responses={200: OpenApiTypes.OBJECT}, description="The JSON Schema of the dataset format.")
    def get(self, request):
        return JsonResponse(json_schema())


ASSESSMENT_SLUG_PARAMETERS = [
    OpenApiParameter("framework", str, OpenApiParameter.PATH, description="Framework slug"),
    OpenApiParameter("criterion", str, OpenApiParameter.PATH, description="Criterion slug"),
]


@extend_schema_view(
    **{
        action: extend_schema(parameters=ASSESSMENT_SLUG_PARAMETERS, operation_id=f"assessments_by_slugs_{action}")
        for action in ("retrieve", "update", "partial_update", "destroy")
    }
)
class AssessmentBySlugsViewSet(AssessmentViewSet):
    """The same assessment endpoints, addressed as assessments/<framework>/<criterion>/."""


@csrf_exempt
def api_not_found(request, *args, **kwargs):
    """Unknown addresses under /api/ answer in the API's error shape, not with the HTML 404 page."""
    body = {"status": 404, "code": "not_found", "detail": "There is no API endpoint at this address.", "errors": {}}
    return JsonResponse(body, status=404)
