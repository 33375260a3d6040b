// django-markdownx starts its editors once, at page load. Inline rows added later
// with "Add another" are copies of a hidden template row and would have no live
// preview; this gives them one, through the same staff-only preview endpoint.
"use strict";

(function () {
  function csrfToken() {
    const input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function attachPreview(container) {
    const editor = container.querySelector(".markdownx-editor");
    const preview = container.querySelector(".markdownx-preview");
    if (!editor || !preview || editor.dataset.inlinePreview) {
      return;
    }
    editor.dataset.inlinePreview = "on";
    const latency = Number(editor.getAttribute("data-markdownx-latency")) || 500;
    let timer = null;

    const refresh = () => {
      const body = new FormData();
      body.append("content", editor.value);
      body.append("csrfmiddlewaretoken", csrfToken());
      fetch(editor.getAttribute("data-markdownx-urls-path"), {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-Requested-With": "XMLHttpRequest" },
      })
        .then((response) => (response.ok ? response.text() : ""))
        .then((html) => {
          // The endpoint returns HTML sanitized by the site's one Markdown renderer.
          preview.innerHTML = html;
        });
    };

    editor.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, latency);
    });
  }

  document.addEventListener("formset:added", (event) => {
    for (const container of event.target.querySelectorAll(".markdownx")) {
      attachPreview(container);
    }
  });
})();
