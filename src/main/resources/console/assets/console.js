// Progressive enhancement only: every page works without this file.
// An element with data-poll="/console/..." is refreshed in place from that fragment every
// data-interval milliseconds (default 5000), with the session cookie (same origin).
(function () {
  "use strict";
  function poll(element) {
    var url = element.getAttribute("data-poll");
    var every = parseInt(element.getAttribute("data-interval") || "5000", 10);
    function refresh() {
      fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (response) {
          if (response.redirected || !response.ok) { throw new Error("status " + response.status); }
          return response.text();
        })
        .then(function (html) {
          element.innerHTML = html;
          element.setAttribute("data-refreshed", String(Date.now()));
        })
        .catch(function () { element.setAttribute("data-stale", "true"); })
        .finally(function () { window.setTimeout(refresh, every); });
    }
    window.setTimeout(refresh, every);
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-poll]").forEach(poll);
  });
})();
