// Small helpers for the report's HTML book: the sidebar toggle on narrow screens, and
// Pagefind search (local files only; the index is built by `python -m pagefind`).
(function () {
  "use strict";
  var toggle = document.querySelector(".sidebar-toggle");
  var sidebar = document.getElementById("sidebar");
  if (toggle && sidebar) {
    toggle.addEventListener("click", function () {
      var open = document.body.classList.toggle("sidebar-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }
  function startSearch() {
    if (typeof PagefindUI === "undefined") return;
    new PagefindUI({
      element: "#search",
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      translations: {
        placeholder: "Søk i rapporten",
        clear_search: "Tøm",
        load_more: "Vis flere treff",
        search_label: "Søk i rapporten",
        zero_results: "Ingen treff for [SEARCH_TERM]",
        many_results: "[COUNT] treff for [SEARCH_TERM]",
        one_result: "[COUNT] treff for [SEARCH_TERM]",
        searching: "Søker etter [SEARCH_TERM] …"
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startSearch);
  } else {
    startSearch();
  }
})();
