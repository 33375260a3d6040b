from csp.decorators import csp_update
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from comparesite.health import healthz
from comparisons.api.views import api_not_found
from comparisons.markdownx_views import ImageUploadView, MarkdownPreviewView

handler500 = "comparesite.errors.server_error"

urlpatterns = [
    path(settings.ADMIN_PATH, admin.site.urls),
    path("healthz", healthz, name="healthz"),
    # Staff-only replacements for django-markdownx's open endpoints, at the
    # paths and names its editor widget expects.
    path("markdownx/markdownify/", MarkdownPreviewView.as_view(), name="markdownx_markdownify"),
    path("markdownx/upload/", ImageUploadView.as_view(), name="markdownx_upload"),
    path("api/v1/", include("comparisons.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # Swagger UI sets style attributes from its scripts; its page alone allows inline styles (never scripts).
    path(
        "api/docs/",
        csp_update({"style-src": ["'unsafe-inline'"]})(SpectacularSwaggerSplitView.as_view(url_name="api-schema")),
        name="api-docs",
    ),
    path("api/auth/", include("rest_framework.urls")),
    re_path(r"^api/", api_not_found),
    path("", include("comparisons.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
