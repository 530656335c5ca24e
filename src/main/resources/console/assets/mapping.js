// The mapping editor's enhancements (ADR 0056); without this file the form's buttons still check
// and save. As one types (debounced), the form is posted to its data-preview URL with the session's
// CSRF token; the answer's problems are listed at their line and column and marked in the gutter,
// and the preview table is redrawn. Completion offers the catalog's words (the page's datalist)
// that start with the word before the cursor.
(function () {
  "use strict";
  var DELAY = 400;

  function text(tag, value, className) {
    var element = document.createElement(tag);
    element.textContent = value;
    if (className) { element.className = className; }
    return element;
  }

  function start(form) {
    var area = form.querySelector("textarea[name=document]");
    var gutter = document.getElementById("gutter");
    var problems = document.getElementById("problems");
    var preview = document.getElementById("preview");
    var status = document.getElementById("live-status");
    var list = document.getElementById("suggestions");
    var words = Array.prototype.map.call(
      document.querySelectorAll("#catalog-words option"), function (o) { return o.value; });
    var timer = null;
    var sent = 0;

    function drawGutter(marked) {
      var lines = area.value.split("\n").length;
      gutter.textContent = "";
      for (var i = 1; i <= lines; i++) {
        gutter.appendChild(text("span", String(i), marked[i] ? "line " + marked[i] : "line"));
        gutter.appendChild(document.createTextNode("\n"));
      }
      gutter.scrollTop = area.scrollTop;
    }

    function goTo(line, column) {
      var lines = area.value.split("\n");
      var at = 0;
      for (var i = 0; i < line - 1 && i < lines.length; i++) { at += lines[i].length + 1; }
      at += Math.max(0, column - 1);
      area.focus();
      area.setSelectionRange(at, at);
    }

    function drawProblems(answer) {
      var marked = {};
      problems.textContent = "";
      answer.problems.forEach(function (p) {
        var item = text("li", p.line + ":" + p.column + ": " + (p.severity === "warning" ? "warning: " : "") + p.message,
          p.severity === "error" ? "problem-error" : "problem-warning");
        item.setAttribute("data-line", String(p.line));
        item.setAttribute("data-column", String(p.column));
        item.tabIndex = 0;
        item.addEventListener("click", function () { goTo(p.line, p.column); });
        problems.appendChild(item);
        if (p.severity === "error" || !marked[p.line]) { marked[p.line] = p.severity; }
      });
      var none = document.getElementById("no-problems");
      if (none) { none.remove(); }
      if (answer.problems.length === 0) {
        var ok = text("p", "No problems.");
        ok.id = "no-problems";
        ok.setAttribute("data-test", "no-problems");
        problems.after(ok);
      }
      drawGutter(marked);
    }

    function drawPreview(answer) {
      preview.textContent = "";
      if (!answer.preview) {
        preview.appendChild(text("p", "Fix the errors to see the facts the rules derive.", "muted"));
        return;
      }
      var p = answer.preview;
      preview.appendChild(text("p", p.records + " most recently modified stored records, " +
        (p.active_version === null ? "with no active version to compare." : "against active version " + p.active_version + ".")));
      var wrap = document.createElement("div");
      wrap.className = "table-wrap";
      var table = document.createElement("table");
      table.appendChild(text("caption", "Facts per KPI: this draft and the active version"));
      var head = document.createElement("tr");
      ["KPI", "Facts (draft)", "Value (draft)", "Facts (active)", "Value (active)", "Change"].forEach(function (h, i) {
        var th = text("th", h, i > 0 && i < 5 ? "num" : "");
        th.scope = "col";
        head.appendChild(th);
      });
      var thead = document.createElement("thead");
      thead.appendChild(head);
      table.appendChild(thead);
      var body = document.createElement("tbody");
      p.kpis.forEach(function (k) {
        var row = document.createElement("tr");
        row.appendChild(text("td", k.kpi));
        row.appendChild(text("td", String(k.draft_facts), "num"));
        row.appendChild(text("td", k.draft_value, "num"));
        row.appendChild(text("td", String(k.active_facts), "num"));
        row.appendChild(text("td", k.active_value, "num"));
        row.appendChild(text("td", k.change));
        body.appendChild(row);
      });
      table.appendChild(body);
      wrap.appendChild(table);
      preview.appendChild(wrap);
    }

    function check() {
      var mine = ++sent;
      status.textContent = "Checking…";
      fetch(form.getAttribute("data-preview"), {
        method: "POST",
        credentials: "same-origin",
        headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(new FormData(form)).toString()
      })
        .then(function (response) {
          if (response.redirected || !response.ok) { throw new Error("status " + response.status); }
          return response.json();
        })
        .then(function (answer) {
          if (mine !== sent) { return; }
          drawProblems(answer);
          drawPreview(answer);
          status.textContent = answer.valid ? "Checked: valid." : "Checked: " +
            answer.problems.filter(function (p) { return p.severity === "error"; }).length + " error(s).";
          form.setAttribute("data-checked", String(mine));
        })
        .catch(function () { if (mine === sent) { status.textContent = "Could not check now; the Check button still works."; } });
    }

    function currentWord() {
      var before = area.value.slice(0, area.selectionStart);
      var match = /[A-Za-z0-9_'.-]+$/.exec(before);
      return match ? match[0] : "";
    }

    function suggest() {
      var word = currentWord();
      list.textContent = "";
      if (word.length < 2) { list.hidden = true; return; }
      var lower = word.toLowerCase();
      var found = words.filter(function (w) {
        return w.toLowerCase().indexOf(lower) === 0 && w.length > word.length;
      }).slice(0, 8);
      found.forEach(function (w) {
        var item = text("li", w);
        item.setAttribute("role", "option");
        item.tabIndex = -1;
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          var at = area.selectionStart;
          area.setRangeText(w, at - word.length, at, "end");
          list.hidden = true;
          schedule();
        });
        list.appendChild(item);
      });
      list.hidden = found.length === 0;
    }

    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, DELAY);
    }

    area.addEventListener("input", function () { drawGutter({}); suggest(); schedule(); });
    area.addEventListener("scroll", function () { gutter.scrollTop = area.scrollTop; });
    area.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { list.hidden = true; }
      if (event.key === "Tab" && !list.hidden && list.firstChild) {
        event.preventDefault();
        list.firstChild.dispatchEvent(new MouseEvent("mousedown", { cancelable: true }));
      }
    });
    area.addEventListener("blur", function () { list.hidden = true; });
    problems.querySelectorAll("li").forEach(function (item) {
      item.addEventListener("click", function () {
        goTo(parseInt(item.getAttribute("data-line"), 10), parseInt(item.getAttribute("data-column"), 10));
      });
    });
    var marked = {};
    problems.querySelectorAll("li").forEach(function (item) {
      marked[item.getAttribute("data-line")] = item.className === "problem-error" ? "error" : "warning";
    });
    drawGutter(marked);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("mapping-form");
    if (form && form.getAttribute("data-preview")) { start(form); }
  });
})();
