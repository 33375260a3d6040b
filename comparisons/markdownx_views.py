"""django-markdownx's two endpoints, for content editors only.

markdownx's own URLs are open to anyone and its upload view trusts the client's
content type and file name, so the project serves these instead, at the same
paths and URL names the markdownx widget posts to.
"""

from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.views import View

from .images import store_editor_image
from .markdown import render_markdown, validate_markdown_source
from .permissions import ContentEditorRequiredMixin


class MarkdownPreviewView(ContentEditorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        content = request.POST.get("content")
        if content is None:
            return HttpResponseBadRequest("Nothing to preview: send the Markdown in the 'content' field.")
        try:
            validate_markdown_source(content)
        except ValidationError as error:
            return HttpResponseBadRequest(" ".join(error.messages))
        return HttpResponse(render_markdown(content))


class ImageUploadView(ContentEditorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        upload = request.FILES.get("image")
        if upload is None:
            return JsonResponse({"image": ["Send an image file in the 'image' field."]}, status=400)
        try:
            url = store_editor_image(upload)
        except ValidationError as error:
            return JsonResponse({"image": error.messages}, status=400)
        return JsonResponse({"image_code": f"![]({url})"})
