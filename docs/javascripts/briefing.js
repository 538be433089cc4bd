// briefing: when the address names an element (a cited sentence "#s12", a quote
// "#q-..."), scroll it to the middle of the screen and highlight it. Works offline and
// from file://; CSS :target gives the same highlight without JavaScript.
(function () {
  "use strict";
  var current = null;

  function showTarget() {
    var id = "";
    try {
      id = decodeURIComponent(window.location.hash.slice(1));
    } catch (err) {
      return;
    }
    if (current) {
      current.classList.remove("briefing-cited");
      current = null;
    }
    if (!id) return;
    var el = document.getElementById(id);
    if (!el || !el.classList.contains("briefing-sentence")) return;
    el.classList.add("briefing-cited");
    current = el;
    el.scrollIntoView({ block: "center" });
  }

  // Material's search overlay is a role="dialog" without a name: give it one for screen readers.
  function nameSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (dialog && !dialog.hasAttribute("aria-label") && !dialog.hasAttribute("aria-labelledby")) {
      dialog.setAttribute("aria-label", "Search");
    }
  }

  function init() {
    nameSearchDialog();
    showTarget();
  }

  window.addEventListener("hashchange", showTarget);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
