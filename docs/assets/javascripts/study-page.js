/* The 我的学习 page (study.html, en/study.html): what the reader has read, their bookmarks and
 * their marks and notes in book order, each with its text, its citation and a link back to its
 * place; and the ways to take them away: text for Word or WPS (copied or as a file), print, and a
 * backup file that another phone or browser imports.
 *
 * On the home and part pages (loaded by study-boot.js where the record has a history) it only
 * fills the progress lines.
 *
 * The record is study-boot.js's (one localStorage entry per site root). A backup file is
 *   {"format": "xuexi-study", "version": 1, "exported": ISO time, "read": {page: time},
 *    "places": {page: {id, t, title}}, "last": page, "items": [item, …]}
 * (items as study.js describes them), and "quiz": {"wrong": {id: question}}, quiz.js's 错题本, where
 * the record has one (merged by question, the later answer winning). Importing checks the whole file before writing anything: a
 * file that is not JSON, not of this format, of a newer version, or with one malformed entry
 * changes nothing and says why. Then it merges: documents read and places are kept from both
 * (the later place wins); an item is the same as one already here when its kind, page, anchor and
 * text are the same (study-boot.js key()), and then the one changed last wins, its note with it;
 * any other item is added. Nothing leaves the device: files are made in the browser.
 * ES5 style for Chromium 86 (tests/reader/chromium86.mjs).
 */
(function () {
  "use strict";
  var LABELS = null; // written by the build (hooks/study.py)
  var boot = window.studyBoot, reader = window.compendiumReader || {};
  var app = document.querySelector(".study-page") || document.createElement("div"); // the progress lines only
  var L = LABELS.labels; // in the page's language: the build writes study-page.js and study-page.en.js
  var status = app.querySelector(".study-status") || {};
  var WHY = { full: "full", off: "no_storage", newer: "too_newer", bad: "too_newer" };

  // The book's documents in order, with their titles (in this edition) and citations.
  var docs = {}, order = {};
  var listed = app.querySelectorAll("[data-page]");
  for (var i = 0; i < listed.length; i++) {
    var p = listed[i].getAttribute("data-page");
    order[p] = i;
    docs[p] = { title: listed[i].querySelector("a").textContent, cite: listed[i].getAttribute("data-cite"), li: listed[i] };
  }

  function say(text) { status.textContent = text; }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    if (tag === "button") e.type = "button";
    return e;
  }

  function clean(s) { return s.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, "").replace(/\s+/g, " ").trim(); }

  // An item's key, as study.js makes it: what it is, where, and a hash of its text (FNV-1a).
  function key(item) {
    for (var h = 2166136261, i = 0; i < item.text.length; i++) h = Math.imul(h ^ item.text.charCodeAt(i), 16777619);
    return item.kind + " " + item.page + "#" + item.id + " " + (h >>> 0).toString(36);
  }

  // --- items, in book order, quoted and cited ------------------------------------------------------

  function citeOf(item) {
    if (item.cite) return item.cite;
    var d = docs[item.src || item.page];
    return d ? d.cite : "";
  }

  // Each paragraph opens a quotation mark, the last one closes it, then the citation (as 复制引文).
  function quoteLines(item) {
    var nest = reader.nestQuotes || function (t) { return t; };
    var lines = item.text.split("\n").map(function (line) { return "\u201c" + nest(clean(line)); });
    lines[lines.length - 1] += "\u201d" + citeOf(item);
    return lines;
  }

  function sorted(r, kind) {
    var out = [];
    for (var k in r.items) if (r.items[k].kind === kind) out.push(r.items[k]);
    function rank(item) {
      var n = order[item.src || item.page];
      return n === undefined ? 1e6 : n;
    }
    return out.sort(function (a, b) {
      return rank(a) - rank(b) || (a.page < b.page ? -1 : a.page > b.page ? 1 : 0) || (a.pos || 0) - (b.pos || 0);
    });
  }

  function where(item) {
    var d = docs[item.page];
    return item.label || (d ? d.title : item.title || item.page);
  }

  // --- the page ------------------------------------------------------------------------------------

  // "已读 3 / 20 篇" for each part (here, and on the home and part pages), and the document read last.
  function progress(r) {
    var lines = document.querySelectorAll("[data-study-part]"), last = document.querySelector("[data-study-last]");
    for (var n = 0; n < lines.length; n++) {
      var prefix = lines[n].getAttribute("data-study-part"), total = lines[n].getAttribute("data-total"), count = 0;
      for (var p in r.read) if (p.indexOf(prefix) === 0) count++;
      lines[n].textContent = lines[n].closest("[data-format]").getAttribute("data-format")
        .replace("{read}", Math.min(count, total)).replace("{total}", total);
    }
    var place = r.places[r.last];
    if (last && place) {
      var link = el("a", "", docs[r.last] ? docs[r.last].title : place.title || r.last);
      link.href = boot.root + (/^en/.test(document.documentElement.lang) ? "en/" : "") + r.last + "#" + place.id;
      last.textContent = "";
      last.appendChild(link);
    }
  }

  function record() {
    var r = boot.load();
    if (!r) say(L[WHY[boot.problem]]);
    return r;
  }

  function render() {
    var r = record() || { read: {}, places: {}, items: {} };
    for (var page in docs) {
      var li = docs[page].li, flag = li.querySelector(".study-flag");
      if (r.read[page] && !flag) li.appendChild(el("span", "study-flag", L.is_read));
      if (!r.read[page] && flag) li.removeChild(flag);
    }
    progress(r);
    ["bookmark", "mark"].forEach(function (kind) {
      var list = app.querySelector("[data-study-list=" + kind + "]"), items = sorted(r, kind);
      list.textContent = "";
      if (!items.length) list.appendChild(el("p", "study-empty", L.empty));
      items.forEach(function (item) { list.appendChild(entry(item)); });
    });
  }

  function entry(item) {
    var box = el("div", "study-item" + (item.lost ? " study-item--changed" : ""));
    var head = box.appendChild(el("p", "study-item__where"));
    var link = head.appendChild(el("a", "", where(item)));
    link.href = item.page + "#" + item.id;
    if (item.lost) {
      var changed = box.appendChild(el("p", "study-item__changed"));
      changed.appendChild(el("strong", "", L.changed));
      changed.appendChild(document.createTextNode(" " + L.changed_note));
    }
    var quote = box.appendChild(el("blockquote", "study-item__quote"));
    quoteLines(item).forEach(function (line) { quote.appendChild(el("p", "", line)); });
    quote.lang = "zh-CN";
    if (item.note) {
      var note = box.appendChild(el("p", "study-item__note"));
      note.appendChild(el("strong", "", L.note_prefix));
      note.appendChild(document.createTextNode(item.note));
    }
    var actions = box.appendChild(el("p", "study-item__actions"));
    var go = actions.appendChild(el("a", "reader-control", L.go));
    go.href = link.href;
    var del = actions.appendChild(el("button", "reader-control", L.delete));
    del.addEventListener("click", function () {
      var why = boot.change(function (r) { delete r.items[key(item)]; });
      if (why) say(L[WHY[why]]);
      render();
    });
    return box;
  }

  // --- taking it away ------------------------------------------------------------------------------

  function today() { return new Date().toISOString().slice(0, 10); }

  // Plain text for Word or WPS: a title, then each list, each quotation with its citation and note.
  function text() {
    var r = record() || { items: {} }, out = [L.export_title.replace("{date}", today())];
    [["bookmark", L.bookmarks], ["mark", L.marks]].forEach(function (list) {
      var items = sorted(r, list[0]);
      if (!items.length) return;
      out.push("", list[1]);
      items.forEach(function (item, n) {
        out.push("");
        var lines = quoteLines(item);
        lines[0] = (n + 1) + ". " + (item.lost ? "[" + L.changed + "] " : "") + lines[0];
        out.push.apply(out, lines);
        if (item.note) out.push(L.note_prefix + item.note.replace(/\s*\n\s*/g, " "));
      });
    });
    return out.join("\n") + "\n";
  }

  function download(name, content, type) {
    var url = URL.createObjectURL(new Blob([content], { type: type }));
    var a = el("a", "", "");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 5000);
  }

  function backup() {
    var r = record();
    if (!r) return;
    var items = [];
    for (var k in r.items) items.push(r.items[k]);
    var data = { format: LABELS.format, version: LABELS.version, exported: new Date().toISOString(), read: r.read,
                 places: r.places, last: r.last || "", items: items };
    if (r.quiz && isObject(r.quiz.wrong)) data.quiz = { wrong: r.quiz.wrong }; // quiz.js's 错题本
    download("xuexi-study-" + today() + ".json", JSON.stringify(data, null, 1), "application/json");
    say(L.exported);
  }

  // --- importing a backup --------------------------------------------------------------------------

  var PAGE = /^(part\d\/[\w-]+|targets\/[\w-]+)\.html$/;
  var WHATS = ["remark", "paragraph", "row", "target"];
  var MAX = 100000;
  function isObject(x) { return !!x && typeof x === "object" && !Array.isArray(x); }
  function isText(x, max) { return typeof x === "string" && x.length <= (max || 2000); }
  function isTime(x) { return typeof x === "number" && isFinite(x) && x >= 0; }
  function optional(x, test) { return x === undefined || test(x); }

  // A clean copy of a backup's item (only the fields an item has), or null if anything is wrong.
  function checkItem(i) {
    if (!isObject(i) || (i.kind !== "bookmark" && i.kind !== "mark") || WHATS.indexOf(i.what) < 0 ||
        !PAGE.test(i.page) || !/^[\w-]{1,100}$/.test(i.id) || !isText(i.text, MAX) || !i.text || !isTime(i.t) ||
        !optional(i.note, function (x) { return isText(x, MAX); }) ||
        !optional(i.block, function (x) { return isText(x, MAX); }) ||
        !optional(i.cite, isText) || !optional(i.title, isText) || !optional(i.label, isText) ||
        !optional(i.src, function (x) { return PAGE.test(x); }) || !optional(i.from, isTime) || !optional(i.pos, isTime) ||
        !optional(i.lost, function (x) { return typeof x === "boolean"; })) return null;
    var out = {};
    ["kind", "what", "page", "id", "text", "t", "note", "block", "cite", "title", "label", "src", "from", "pos", "lost"]
      .forEach(function (f) { if (i[f] !== undefined) out[f] = i[f]; });
    return out;
  }

  // {data} or {error: "bad" | "newer"}: the whole file checked before anything is written.
  function parse(content) {
    var data;
    try { data = JSON.parse(content); } catch (e) { return { error: "bad" }; }
    if (!isObject(data) || data.format !== LABELS.format || typeof data.version !== "number") return { error: "bad" };
    if (data.version > LABELS.version) return { error: "newer" };
    if (data.version !== LABELS.version || !isObject(data.read) || !isObject(data.places) || !Array.isArray(data.items) ||
        !optional(data.last, isText)) return { error: "bad" };
    var read = {}, places = {}, items = [], k;
    for (k in data.read) {
      if (!PAGE.test(k) || !isTime(data.read[k])) return { error: "bad" };
      read[k] = data.read[k];
    }
    for (k in data.places) {
      var p = data.places[k];
      if (!PAGE.test(k) || !isObject(p) || !/^[\w-]{1,100}$/.test(p.id) || !isTime(p.t) || !optional(p.title, isText)) {
        return { error: "bad" };
      }
      places[k] = { id: p.id, t: p.t, title: p.title || "" };
    }
    for (var n = 0; n < data.items.length; n++) {
      var item = checkItem(data.items[n]);
      if (!item) return { error: "bad" };
      items.push(item);
    }
    var quiz = checkQuiz(data.quiz);
    if (!quiz) return { error: "bad" };
    return { data: { read: read, places: places, items: items, quiz: quiz } };
  }

  // The 错题本 of a backup (quiz.js: {wrong: {id: question}}), cleaned; {} without one, null if malformed.
  function checkQuiz(q) {
    var out = {}, ok = function (x) { return isText(x, MAX); };
    if (q === undefined) return out;
    if (!isObject(q) || !isObject(q.wrong)) return null;
    for (var id in q.wrong) {
      var w = q.wrong[id];
      if (!/^[\w-]{1,200}$/.test(id) || !isObject(w) || !ok(w.s) || !Array.isArray(w.o) || !w.o.every(ok) ||
          typeof w.a !== "number" || !(w.a >= 0 && w.a < w.o.length) || !ok(w.src) || !ok(w.u) || !ok(w.t) ||
          !isTime(w.d) || !optional(w.e, ok) || !optional(w.l, ok)) return null;
      out[id] = { s: w.s, e: w.e || "", o: w.o.slice(), a: w.a, src: w.src, u: w.u, t: w.t, l: w.l || "", d: w.d };
    }
    return out;
  }

  function merge(r, data) {
    var counts = { added: 0, updated: 0 }, k;
    for (k in data.read) r.read[k] = Math.max(r.read[k] || 0, data.read[k]);
    for (k in data.places) if (!r.places[k] || r.places[k].t < data.places[k].t) r.places[k] = data.places[k];
    for (k in r.places) if (!r.places[r.last] || r.places[k].t > r.places[r.last].t) r.last = k;
    for (k in data.quiz) {
      if (!r.quiz || !isObject(r.quiz.wrong)) r.quiz = { wrong: {} };
      if (!r.quiz.wrong[k] || r.quiz.wrong[k].d < data.quiz[k].d) r.quiz.wrong[k] = data.quiz[k];
    }
    data.items.forEach(function (item) {
      var name = key(item), had = r.items[name];
      if (!had) counts.added++;
      else if (item.t > had.t) counts.updated++;
      else return;
      r.items[name] = item;
    });
    return counts;
  }

  function restore(content) {
    var parsed = parse(content);
    if (parsed.error) return say(L[parsed.error === "newer" ? "newer_file" : "bad_file"]);
    var counts = null;
    var why = boot.change(function (r) { counts = merge(r, parsed.data); });
    if (why) return say(L[WHY[why]]);
    render();
    say(L.restored.replace("{added}", counts.added).replace("{updated}", counts.updated));
  }

  // --- wiring --------------------------------------------------------------------------------------

  app.addEventListener("click", function (event) {
    var b = event.target.closest && event.target.closest("[data-study-action]");
    if (!b) return;
    var action = b.getAttribute("data-study-action");
    if (action === "copy" && reader.copy) {
      reader.copy(text(), b).then(function (done) { say(done ? L.copied : L.copy_failed); });
    } else if (action === "text") {
      download("xuexi-study-" + today() + ".txt", "\ufeff" + text().replace(/\n/g, "\r\n"), "text/plain;charset=utf-8");
      say(L.exported);
    } else if (action === "print") {
      window.print();
    } else if (action === "backup") {
      backup();
    }
  });
  var input = app.querySelector("input[type=file]");
  if (!input) return progress(record() || { read: {}, places: {} });
  input.addEventListener("change", function () {
    var file = input.files && input.files[0];
    if (!file) return;
    var fileReader = new FileReader();
    fileReader.onload = function () { restore(String(fileReader.result)); input.value = ""; };
    fileReader.onerror = function () { say(L.bad_file); input.value = ""; };
    fileReader.readAsText(file);
  });
  render();
})();
