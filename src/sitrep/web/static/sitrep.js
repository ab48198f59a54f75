// sitrep workbench: small progressive enhancements. Pages work without this file.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Document page: show or hide each highlight layer (actors, events, figures, claims).
  for (const box of document.querySelectorAll("#layers input[data-layer]")) {
    box.addEventListener("change", () => {
      document.body.classList.toggle("hide-" + box.dataset.layer, !box.checked);
    });
  }

  // Document page: what cleaning removed, hidden until asked for.
  const toggle = document.getElementById("toggle-removed");
  const removed = document.getElementById("removed");
  if (toggle && removed) {
    toggle.addEventListener("click", () => {
      removed.hidden = !removed.hidden;
      toggle.setAttribute("aria-expanded", String(!removed.hidden));
      toggle.textContent = toggle.textContent.replace(removed.hidden ? "Hide" : "Show", removed.hidden ? "Show" : "Hide");
    });
  }

  // Followed a figure or claim to its evidence: bring it into view.
  const target = document.getElementById("hl");
  if (target) {
    target.scrollIntoView({ block: "center" });
  }

  // Events page: filters apply as soon as a select or checkbox changes.
  const filters = document.getElementById("filters");
  if (filters) {
    for (const el of filters.querySelectorAll("select, input[type=checkbox]")) {
      el.addEventListener("change", () => filters.requestSubmit());
    }
  }
});
