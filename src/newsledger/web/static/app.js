// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Hovering or focusing a marked span lights up every part of its own statement (the innermost
  // one marking it) and its card, including the parts it shares with overlapping statements.
  function linkStatements(root) {
    root.querySelectorAll("[data-statement]").forEach(function (el) {
      var id = el.getAttribute("data-statement");
      function toggle(on) {
        document.querySelectorAll('[data-statements~="' + CSS.escape(id) + '"]').forEach(function (other) {
          other.classList.toggle("lit", on);
        });
        var card = document.getElementById("st-" + id);
        if (card) card.classList.toggle("lit", on);
      }
      el.addEventListener("mouseenter", function () { toggle(true); });
      el.addEventListener("mouseleave", function () { toggle(false); });
      el.addEventListener("focus", function () { toggle(true); });
      el.addEventListener("blur", function () { toggle(false); });
    });
  }

  // Search results refresh as you type: fetch the same page and swap the results region.
  function liveSearch(form) {
    var target = document.getElementById(form.getAttribute("data-live"));
    if (!target) return;
    var timer = null;
    var latest = 0;
    function refresh() {
      var query = new URLSearchParams(new FormData(form)).toString();
      var url = form.getAttribute("action") + "?" + query;
      var ticket = ++latest;
      fetch(url, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          if (ticket !== latest) return;
          var doc = new DOMParser().parseFromString(html, "text/html");
          var fresh = doc.getElementById(target.id);
          if (!fresh) return;
          var current = document.getElementById(target.id);
          current.replaceWith(document.adoptNode(fresh));
          history.replaceState(null, "", url);
        })
        .catch(function () { /* the plain form still works */ });
    }
    form.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 250);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    linkStatements(document);
    document.querySelectorAll("form[data-live]").forEach(liveSearch);
  });
})();
