// Progressive enhancement only: every page works without this script.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // "Show only the differences" hides identical rows at once and keeps the URL shareable.
  // Other options apply with the form's button, so choosing in a list never reloads the page.
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

  // Parts are numbered within a group: choosing another group in the compare options starts at its first part
  // (without this script the server names a part the new group lacks and shows its first).
  const partOfGroup = document.querySelector("[data-part-of-group]");
  const groupSelect = partOfGroup && partOfGroup.form.querySelector('select[name="group"]');
  if (groupSelect) {
    groupSelect.addEventListener("change", () => {
      partOfGroup.disabled = true;
    });
  }

  // "Copy" on code examples: the code's text to the clipboard. Without this script the
  // buttons stay hidden (see .copy-button in site.css) and the code can be selected by hand.
  document.querySelectorAll("[data-copy-target]").forEach((button) => {
    const code = document.getElementById(button.dataset.copyTarget);
    if (!code || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(code.innerText.replace(/\n$/, ""));
        button.textContent = "Copied";
      } catch {
        button.textContent = "Select and copy";
      }
      setTimeout(() => { button.textContent = "Copy"; }, 2000);
    });
  });

  // The matrix grid: arrow keys move the focus from cell to cell, Home and End along the row.
  document.querySelectorAll("[data-grid]").forEach((grid) => {
    grid.addEventListener("keydown", (event) => {
      const cell = event.target.closest("td, th");
      const row = cell && cell.parentElement;
      if (!row || !["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"].includes(event.key)) {
        return;
      }
      const rows = [...grid.querySelectorAll("tr")].filter((tr) => tr.cells.length > 1);
      const rowIndex = rows.indexOf(row);
      let [r, c] = [rowIndex, cell.cellIndex];
      if (event.key === "ArrowLeft") c -= 1;
      if (event.key === "ArrowRight") c += 1;
      if (event.key === "ArrowUp") r -= 1;
      if (event.key === "ArrowDown") r += 1;
      if (event.key === "Home") c = 0;
      if (event.key === "End") c = row.cells.length - 1;
      const target = rows[r] && rows[r].cells[c];
      const link = target && target.querySelector("a");
      if (link) {
        event.preventDefault();
        link.focus();
      }
    });
  });
});
