// Progressive enhancement only: every page works without this script.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Compare and fit options apply as soon as they change.
  for (const form of document.querySelectorAll("[data-compare-options]")) {
    form.addEventListener("change", (event) => {
      if (!event.target.matches("[data-differences-toggle]")) {
        form.requestSubmit();
      }
    });
  }

  // "Show only the differences" hides identical rows at once and keeps the URL shareable.
  const toggle = document.querySelector("[data-differences-toggle]");
  const matrix = document.querySelector("[data-matrix]");
  if (toggle && matrix) {
    toggle.addEventListener("change", () => {
      matrix.classList.toggle("matrix--differences-only", toggle.checked);
      const url = new URL(window.location.href);
      if (toggle.checked) {
        url.searchParams.set("differences", "on");
      } else {
        url.searchParams.delete("differences");
      }
      window.history.replaceState(null, "", url);
    });
  }
});
