(function () {
  "use strict";
  document.documentElement.classList.add("js");
  // Sortable summary table.
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      th.addEventListener("click", function () {
        var dir = th.dataset.dir === "asc" ? "desc" : "asc";
        Array.prototype.forEach.call(heads, function (h) { delete h.dataset.dir; });
        th.dataset.dir = dir;
        var num = th.dataset.sort === "num";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].textContent.trim(), y = b.cells[col].textContent.trim();
          var c = num ? (x === "" ? -1 : +x) - (y === "" ? -1 : +y) : x.localeCompare(y, "zh");
          return dir === "asc" ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  // A finding under the pointer outlines its cells; a marked cell, clicked,
  // brings its first finding into view.
  document.querySelectorAll("section.report").forEach(function (section) {
    function cell(address) {
      return section.querySelector('[data-address="' + address + '"]');
    }
    section.querySelectorAll("li.finding").forEach(function (li) {
      var cells = (li.dataset.cells || "").split(" ").map(cell).filter(Boolean);
      li.addEventListener("mouseenter", function () { cells.forEach(function (c) { c.classList.add("focus"); }); });
      li.addEventListener("mouseleave", function () { cells.forEach(function (c) { c.classList.remove("focus"); }); });
    });
    section.querySelectorAll("td[data-findings]").forEach(function (td) {
      td.addEventListener("click", function () {
        var first = document.getElementById(td.dataset.findings.split(" ")[0]);
        if (first) { first.scrollIntoView({ block: "nearest" }); first.classList.add("focus"); }
      });
    });
  });
})();
