/* A page of the 指标目标表 (targets/<sector>.html): filter, search, sort and ungroup the table that
 * the build rendered.
 *
 * The table is complete in the HTML; this script fetches nothing. The build writes the filter form
 * with the count of all rows, and the stylesheet shows it from the first paint where the reader's
 * script runs (.reader-js-only), so at load this script only listens: it does nothing to the
 * table until the reader uses a filter, the search, the grouping or a column head. Then, in one
 * pass, it hides the rows that do not match and the groups none of whose rows is left, and counts
 * what is shown; tablesort (vendored) sorts by any column; unticking "按指标分组" moves the rows
 * into one body so that a sort runs over the whole table. A link may set the filters in the page's
 * query (targets/digital.html?scope=xianning&document=…, from the overview): they are applied at
 * load, before the reader does anything.
 * Every text it writes comes from the page (data-count on the form).
 */
(function () {
  "use strict";

  function start() {
    var table = document.querySelector("table.targets");
    var form = document.querySelector("form.t-filters");
    if (!table || !form) return;

    var search = form.querySelector("[data-filter=q]");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var grouped = form.querySelector("input[name=group]");
    var count = form.querySelector(".t-count");
    // Column heads take focus and clicks now; sorting itself waits for a click.
    var sorter = window.Tablesort ? new window.Tablesort(table) : null;
    var rows = null, groups = null, texts = null, flat = null;

    function normalise(text) {
      return text.replace(/\s+/g, "").toLowerCase();
    }

    // What the filters need, read from the table the first time the reader uses one.
    function prepare() {
      if (rows) return;
      rows = Array.prototype.slice.call(table.querySelectorAll("tr.t-row"));
      groups = Array.prototype.slice.call(table.querySelectorAll("tbody.t-group"));
      flat = document.createElement("tbody");
      flat.className = "t-flat";
      flat.hidden = true;
      table.appendChild(flat);
    }

    // Text of each row for the search, whitespace aside, as the pages compare text: read once,
    // at the first search.
    function textOf(index) {
      if (!texts) texts = rows.map(function (row) { return normalise(row.textContent); });
      return texts[index];
    }

    // Show the rows that match and the groups that keep one; one pass, writing only what changes.
    function apply() {
      prepare();
      var wanted = selects.map(function (select) {
        return { name: "data-" + select.getAttribute("data-filter"), value: select.value };
      }).filter(function (want) { return want.value; });
      var query = normalise(search.value);
      var left = groups.map(function () { return 0; });
      var shown = 0;
      rows.forEach(function (row, index) {
        var match = true;
        for (var i = 0; i < wanted.length && match; i++) match = row.getAttribute(wanted[i].name) === wanted[i].value;
        if (match && query) match = textOf(index).indexOf(query) !== -1;
        if (row.hidden === match) row.hidden = !match;
        if (match) {
          shown++;
          left[Number(row.getAttribute("data-group"))]++;
        }
      });
      groups.forEach(function (group, index) {
        var hide = !grouped.checked || !left[index];
        if (group.hidden !== hide) group.hidden = hide;
      });
      if (flat.hidden !== grouped.checked) flat.hidden = grouped.checked;
      var text = form.getAttribute("data-count")
        .replace("{shown}", String(shown)).replace("{total}", String(rows.length));
      if (count.textContent !== text) count.textContent = text;
    }

    function regroup() {
      prepare();
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

    // Filters named in the query (name=value, as the overview writes them), set before anything.
    function fromQuery() {
      var set = false;
      location.search.replace(/^\?/, "").split("&").forEach(function (pair) {
        var at = pair.indexOf("=");
        if (at < 1) return;
        var name = decodeURIComponent(pair.slice(0, at));
        var value = decodeURIComponent(pair.slice(at + 1).replace(/\+/g, " "));
        var field = form.querySelector("[data-filter=\"" + name.replace(/[^a-z]/g, "") + "\"]");
        if (!field) return;
        if (field.tagName === "SELECT" && !field.querySelector("option[value=\"" + value.replace(/["\\]/g, "") + "\"]")) return;
        field.value = value;
        set = true;
      });
      if (set) apply();
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
    fromQuery();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
