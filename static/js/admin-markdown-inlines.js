// django-markdownx starts its editors once, at page load. Inline rows added later
// with "Add another" are copies of a hidden template row and would have no live
// preview; this gives them one, through the same staff-only preview endpoint.
// Code examples' code fields get a live, highlighted preview the same way.
"use strict";

(function () {
  function csrfToken() {
    const input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  // Markdown `content` rendered by the staff-only preview endpoint at `url` into `preview`.
  function renderPreview(url, content, preview) {
    const body = new FormData();
    body.append("content", content);
    body.append("csrfmiddlewaretoken", csrfToken());
    fetch(url, {
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

    const refresh = () => renderPreview(editor.getAttribute("data-markdownx-urls-path"), editor.value, preview);

    editor.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, latency);
    });
  }

  document.addEventListener("formset:added", (event) => {
    for (const container of event.target.querySelectorAll(".markdownx")) {
      attachPreview(container);
    }
    for (const code of event.target.querySelectorAll("textarea.code-input")) {
      attachCodePreview(code);
    }
  });

  // A code example's live preview: the code as a fenced block of its language, highlighted
  // by the same staff-only endpoint (and so the same renderer and sanitizer) as Markdown.
  function attachCodePreview(code) {
    if (code.dataset.codePreview || code.name.includes("__prefix__")) {
      return;
    }
    code.dataset.codePreview = "on";
    const language = document.getElementsByName(code.name.replace(/-code$/, "-language"))[0];
    const preview = document.createElement("div");
    preview.className = "code-preview";
    preview.setAttribute("aria-live", "polite");
    code.after(preview);
    let timer = null;

    const refresh = () => {
      const fence = "`".repeat(Math.max(3, ...Array.from(code.value.matchAll(/`+/g), (m) => m[0].length + 1)));
      const lang = language ? language.value.trim() : "";
      renderPreview(code.dataset.previewUrl, `${fence}${lang}\n${code.value}\n${fence}`, preview);
    };
    const later = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 500);
    };
    code.addEventListener("input", later);
    if (language) {
      language.addEventListener("input", later);
    }
    refresh();
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const code of document.querySelectorAll("textarea.code-input")) {
      attachCodePreview(code);
    }
  });
})();
