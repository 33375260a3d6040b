from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from comparisons.markdownx_views import ImageUploadView, MarkdownPreviewView

urlpatterns = [
    path("admin/", admin.site.urls),
    # Staff-only replacements for django-markdownx's open endpoints, at the
    # paths and names its editor widget expects.
    path("markdownx/markdownify/", MarkdownPreviewView.as_view(), name="markdownx_markdownify"),
    path("markdownx/upload/", ImageUploadView.as_view(), name="markdownx_upload"),
    path("", include("comparisons.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
