/* The 指标目标表 page: filter, search, sort and ungroup the table that the build rendered.
 *
 * The table is complete in the HTML; this script fetches nothing. It shows the filter form
 * (hidden without JavaScript), hides the rows that do not match, hides a group when none of its
 * rows is left, counts what is shown, lets tablesort (vendored) sort by any column, and moves the
 * rows into one body ("按指标分组" unticked) so that a sort runs over the whole table.
 * Every text it writes comes from the page (data-count on the form).
 */
(function () {
  "use strict";

  function start() {
    var table = document.querySelector("table.targets");
    var form = document.querySelector("form.t-filters");
    if (!table || !form) return;

    var rows = Array.prototype.slice.call(table.querySelectorAll("tr.t-row"));
    var groups = Array.prototype.slice.call(table.querySelectorAll("tbody.t-group"));
    var flat = document.createElement("tbody");
    flat.className = "t-flat";
    flat.hidden = true;
    table.appendChild(flat);
    var search = form.querySelector("[data-filter=q]");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var grouped = form.querySelector("input[name=group]");
    var count = form.querySelector(".t-count");
    var sorter = window.Tablesort ? new window.Tablesort(table) : null;

    // Text of each row for the search: whitespace aside, as the pages compare text.
    rows.forEach(function (row) {
      row.setAttribute("data-text", normalise(row.textContent));
    });

    function normalise(text) {
      return text.replace(/\s+/g, "").toLowerCase();
    }

    function matches(row) {
      for (var i = 0; i < selects.length; i++) {
        var want = selects[i].value;
        if (want && row.getAttribute("data-" + selects[i].getAttribute("data-filter")) !== want) return false;
      }
      var query = normalise(search.value);
      return !query || row.getAttribute("data-text").indexOf(query) !== -1;
    }

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        row.hidden = !matches(row);
        if (!row.hidden) shown++;
      });
      groups.forEach(function (group) {
        group.hidden = !grouped.checked || !group.querySelector("tr.t-row:not([hidden])");
      });
      flat.hidden = grouped.checked;
      count.textContent = form.getAttribute("data-count")
        .replace("{shown}", String(shown)).replace("{total}", String(rows.length));
    }

    function regroup() {
      var ordered = rows.slice().sort(function (a, b) {
        return a.getAttribute("data-order") - b.getAttribute("data-order");
      });
      ordered.forEach(function (row) {
        (grouped.checked ? groups[Number(row.getAttribute("data-group"))] : flat).appendChild(row);
      });
      table.classList.toggle("t-ungrouped", !grouped.checked);
      if (sorter && sorter.current) sorter.refresh();
      apply();
    }

    form.addEventListener("input", apply);
    form.addEventListener("change", function (event) {
      if (event.target === grouped) regroup(); else apply();
    });
    form.addEventListener("reset", function () {
      window.setTimeout(regroup, 0);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    form.hidden = false;
    apply();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
