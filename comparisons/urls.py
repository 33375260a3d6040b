from django.contrib.sitemaps.views import sitemap
from django.urls import path
from django.views.generic import TemplateView

from . import sharing_views, views
from .feeds import ChangesFeed, RecentlyUpdatedFeed
from .sitemaps import SITEMAPS

app_name = "comparisons"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("frameworks/", views.FrameworkListView.as_view(), name="framework-list"),
    path("frameworks/<slug:slug>/", views.FrameworkDetailView.as_view(), name="framework-detail"),
    path(
        "frameworks/<slug:framework>/<slug:criterion>/",
        views.AssessmentDetailView.as_view(),
        name="assessment-detail",
    ),
    path("frameworks/<slug:slug>/social.png", sharing_views.framework_social_image, name="framework-social-image"),
    path(
        "frameworks/<slug:framework>/<slug:criterion>/badge.svg",
        sharing_views.cell_badge,
        name="assessment-badge",
    ),
    path(
        "frameworks/<slug:framework>/<slug:criterion>/report/",
        views.ProblemReportView.as_view(),
        name="report-problem",
    ),
    path("matrix/", views.MatrixGridView.as_view(), name="matrix"),
    path("criteria/", views.CriterionListView.as_view(), name="criterion-list"),
    path("criteria/<slug:slug>/", views.CriterionDetailView.as_view(), name="criterion-detail"),
    path("compare/", views.CompareView.as_view(), name="compare-picker"),
    path("compare/<str:slugs>/", views.CompareView.as_view(), name="compare"),
    path("compare/<str:slugs>/social.png", sharing_views.compare_social_image, name="compare-social-image"),
    path("embed/", sharing_views.EmbedView.as_view(), name="embed"),
    path("embed/compare/<str:slugs>/", sharing_views.EmbeddedCompareView.as_view(), name="embed-compare"),
    path("fit/", views.FitView.as_view(), name="fit"),
    path("comparisons/", views.ComparisonListView.as_view(), name="comparison-list"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("changes/", views.ChangesView.as_view(), name="changes"),
    path("evidence/", views.EvidenceView.as_view(), name="evidence"),
    path("coverage/", views.CoverageView.as_view(), name="coverage"),
    path("feeds/recent.atom", RecentlyUpdatedFeed(), name="feed"),
    path("feeds/changes.atom", ChangesFeed(), name="changes-feed"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
]
