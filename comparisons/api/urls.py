from csp.decorators import csp_update
from django.urls import path, re_path
from rest_framework.routers import DefaultRouter

from . import views

app_name = "api"

router = DefaultRouter()
router.register("frameworks", views.FrameworkViewSet, basename="framework")
router.register("criteria", views.CriterionViewSet, basename="criterion")
router.register("criterion-groups", views.CriterionGroupViewSet, basename="criteriongroup")
router.register("tags", views.TagViewSet, basename="tag")
router.register("assessments", views.AssessmentViewSet, basename="assessment")
router.register("comparisons", views.ComparisonViewSet, basename="comparison")

assessment_by_slugs = views.AssessmentBySlugsViewSet.as_view(
    {"get": "retrieve", "put": "update", "patch": "partial_update", "delete": "destroy"}
)

urlpatterns = [
    path("compare/", views.CompareView.as_view(), name="compare"),
    path("dataset/", views.DatasetView.as_view(), name="dataset"),
    path("dataset/schema/", views.DatasetSchemaView.as_view(), name="dataset-schema"),
    path("assessments/<slug:framework>/<slug:criterion>/", assessment_by_slugs, name="assessment-by-slugs"),
    *router.urls,
    re_path(r"", views.api_not_found),
]

# The browsable API renders DRF's own templates, which set style attributes: its pages
# alone allow inline styles, as the API docs do. Scripts stay 'self' only, everywhere.
browsable_api_policy = csp_update({"style-src": ["'unsafe-inline'"]})
for pattern in urlpatterns:
    pattern.callback = browsable_api_policy(pattern.callback)
