/* 我的学习 on a document page (and a page of the 指标目标表), loaded on demand by study-boot.js:
 * 收藏 (bookmark) a remark, a paragraph, a table row or a target row; 划线 (mark) a paragraph or a
 * selection inside one, with a 笔记 (note); 复制引文 of a paragraph or row; and the marks already
 * made shown on the page.
 *
 * An item of the record (study-boot.js) is kept by its anchor and carries the text it was made on:
 * {kind: "bookmark"|"mark", what: "remark"|"paragraph"|"row"|"target", page, id, text, from (where the
 * text starts in its block, for a selection), block (the whole block's text), cite, title, pos
 * (its place in the page, for book order), note, t (last changed), lost (原文已变)}.
 * Paragraph ids renumber when a document's text changes, so each item's text is looked for again
 * where its anchor points, then anywhere on the page; an item whose text is nowhere is flagged
 * lost (原文已变) and kept, never dropped. A highlight is <mark class="study-mark"> around the book's
 * own words (not "generated": copying keeps them); every control is "generated".
 * ES5 style for Chromium 86 (tests/reader/chromium86.mjs).
 */
(function () {
  "use strict";
  var LABELS = null; // written by the build (hooks/study.py)
  var boot = window.studyBoot, reader = window.compendiumReader;
  var article = document.querySelector("article");
  if (!LABELS || !boot || !reader || !article) return;
  var L = LABELS.labels; // in the language of the page: the build writes study.js and study.en.js
  var page = boot.page;
  var doc = document.querySelector(".study-doc");
  var SKIP = ".generated, .reader-control, .headerlink";
  var ALL = "p[id], li[id], tr[id], figure.remark[id]";
  var INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
  var BLOCK = "article p[id], article li[id], article tr[id]", PARAGRAPH = /(^|-)p\d+$/;

  function clean(s) { return s.replace(INVISIBLE, "").replace(/\s+/g, " ").trim(); }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    if (tag === "button") e.type = "button";
    return e;
  }

  // --- what a block says, and how it is cited ---------------------------------------------------

  // The book's text nodes in a block: not what the site adds.
  function textNodes(block) {
    var out = [];
    var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, null, false);
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      var skip = n.parentNode.closest(SKIP);
      if (!skip || !block.contains(skip)) out.push(n);
    }
    return out;
  }

  function rawText(block) {
    return textNodes(block).map(function (n) { return n.nodeValue; }).join("");
  }

  var textOf = reader.textOf, nest = reader.nestQuotes;

  // The citation a remark's 复制引文 carries (the build wrote it), or `fallback`.
  function citeIn(el, fallback) {
    var b = el && el.querySelector("[data-cite]");
    return b ? b.getAttribute("data-cite") : fallback;
  }

  function title() {
    return doc ? doc.getAttribute("data-title") : textOf(article.querySelector("h1"));
  }

  // {what, text, cite, src, label} of a block.
  function describe(block) {
    var d = { what: "paragraph", cite: doc ? doc.getAttribute("data-cite") : "" };
    if (block.nodeName === "FIGURE") {
      var paras = block.querySelectorAll("blockquote [id]"), lines = [];
      for (var i = 0; i < paras.length; i++) if (PARAGRAPH.test(paras[i].id)) lines.push(textOf(paras[i]));
      d.what = "remark";
      d.text = lines.join("\n");
      d.cite = citeIn(block, d.cite);
    } else if (block.nodeName === "TR" && block.hasAttribute("data-document")) {
      var sentence = block.querySelector(".t-sentence p"), th = block.querySelector("th");
      d.what = "target";
      d.text = sentence ? textOf(sentence) : textOf(block);
      d.label = (th ? textOf(th) : "") + " " + textOf(block.querySelector(".t-col-value") || block);
      d.src = block.getAttribute("data-document").replace(/\.md$/, ".html");
      d.cite = "";
    } else if (block.nodeName === "TR") {
      var cells = block.querySelectorAll("th, td"), texts = [];
      for (var j = 0; j < cells.length; j++) texts.push(textOf(cells[j]));
      var caption = block.closest("table").querySelector("caption");
      d.what = "row";
      d.text = texts.join(" | ");
      if (caption && d.cite) d.cite = d.cite.slice(0, -1) + "，" + textOf(caption) + "）";
    } else {
      var remark = block.closest("figure.remark");
      d.text = rawText(block);
      d.cite = citeIn(remark, d.cite);
    }
    return d;
  }

  // “First paragraph / “last paragraph.”（citation）, as 复制引文 quotes a remark.
  function quote(text, cite) {
    return text.split("\n").map(function (line) { return "\u201c" + nest(clean(line)); }).join("\n") + "\u201d" + cite;
  }

  function position(block) {
    return Array.prototype.indexOf.call(article.querySelectorAll(ALL), block);
  }

  // --- the record --------------------------------------------------------------------------------

  // An item's key: what it is, where, and a hash of its text (FNV-1a; study-page.js merges by it).
  function key(item) {
    for (var h = 2166136261, i = 0; i < item.text.length; i++) h = Math.imul(h ^ item.text.charCodeAt(i), 16777619);
    return item.kind + " " + item.page + "#" + item.id + " " + (h >>> 0).toString(36);
  }

  var notice = null, noticeTimer = 0;
  function say(text) {
    notice = notice || document.querySelector(".reader-notice");
    if (!notice) return;
    window.clearTimeout(noticeTimer);
    notice.textContent = text;
    notice.classList.add("reader-notice--shown");
    noticeTimer = window.setTimeout(function () {
      notice.classList.remove("reader-notice--shown");
      notice.textContent = "";
    }, 5000);
  }

  var WHY = { full: "full", off: "no_storage", newer: "too_newer" };

  // Change the record; on failure tell the reader and change nothing on the page.
  function change(fn) {
    var why = boot.change(fn);
    if (why) say(L[WHY[why]] || L.no_storage);
    else show();
    return !why;
  }

  function items(r) {
    var out = [];
    for (var k in r.items) if (r.items[k].page === page) out.push(r.items[k]);
    return out;
  }

  function find(r, kind, id, whole) {
    return items(r).filter(function (i) { return i.kind === kind && i.id === id && (!whole || !i.from && i.text === i.block); });
  }

  function record() { return boot.load() || { read: {}, places: {}, items: {} }; }

  // A new item for `block` (a selection of it: {from, text}).
  function make(kind, block, part) {
    var d = describe(block), now = Date.now();
    var item = { kind: kind, what: d.what, page: page, id: block.id, text: d.text, cite: d.cite, title: title(),
                 pos: position(block), t: now };
    if (d.what === "paragraph") {
      item.block = d.text;
      item.from = part ? part.from : 0;
      if (part) item.text = part.text;
    }
    if (d.label) item.label = d.label;
    if (d.src) item.src = d.src;
    return item;
  }

  function put(r, item) { r.items[key(item)] = item; }

  function drop(r, list) {
    for (var k in r.items) if (list.indexOf(r.items[k]) >= 0) delete r.items[k];
  }

  // --- finding an item's text again ------------------------------------------------------------

  function candidates(what) {
    return article.querySelectorAll(what === "remark" ? "figure.remark[id]" : what === "paragraph" ? "p[id], li[id]" : "tr[id]");
  }

  // {block, from} where an item's text is, or null: at its anchor first, then anywhere on the page.
  function locate(item) {
    var here = document.getElementById(item.id), list = candidates(item.what), i, text;
    var whole = item.what !== "paragraph" || item.text === item.block;
    if (whole) {
      if (here && describe(here).text === item.text) return { block: here, from: 0 };
      for (i = 0; i < list.length; i++) if (describe(list[i]).text === item.text) return { block: list[i], from: 0 };
      return null;
    }
    if (here) {
      text = rawText(here);
      if (text.substr(item.from, item.text.length) === item.text) return { block: here, from: item.from };
      if (text.indexOf(item.text) >= 0) return { block: here, from: text.indexOf(item.text) };
    }
    var best = null;
    for (i = 0; i < list.length; i++) {
      text = rawText(list[i]);
      if (text.indexOf(item.text) < 0) continue;
      if (text === item.block) return { block: list[i], from: text.indexOf(item.text) };
      best = best || { block: list[i], from: text.indexOf(item.text) };
    }
    return best;
  }

  // --- drawing marks -----------------------------------------------------------------------------

  function wrap(block, start, end, name) {
    var nodes = textNodes(block), pos = 0;
    for (var i = 0; i < nodes.length; i++) {
      var n = nodes[i], len = n.nodeValue.length, a = Math.max(start - pos, 0), b = Math.min(end - pos, len);
      pos += len;
      if (a >= b) continue;
      if (b < len) n.splitText(b);
      if (a > 0) n = n.splitText(a);
      var mark = el("mark", "study-mark");
      mark.setAttribute("data-key", name);
      n.parentNode.replaceChild(mark, n);
      mark.appendChild(n);
    }
  }

  function clear() {
    var marks = article.querySelectorAll("mark.study-mark");
    for (var i = 0; i < marks.length; i++) {
      var m = marks[i], parent = m.parentNode;
      while (m.firstChild) parent.insertBefore(m.firstChild, m);
      parent.removeChild(m);
      parent.normalize();
    }
    var extra = article.querySelectorAll(".study-note-flag, .study-bookmarked");
    for (var j = 0; j < extra.length; j++) {
      if (extra[j].nodeName === "BUTTON") extra[j].parentNode.removeChild(extra[j]);
      else extra[j].classList.remove("study-bookmarked");
    }
  }

  // Show every item of the page; move items whose anchor moved, flag those whose text is gone.
  function show() {
    var r = boot.load(), writable = !!r;
    r = r || record();
    clear();
    var moved = false, lost = 0, list = items(r);
    for (var i = 0; i < list.length; i++) {
      var item = list[i], found = locate(item);
      if (!found) {
        lost++;
        if (!item.lost) { item.lost = true; moved = true; }
        continue;
      }
      if (item.lost || found.block.id !== item.id || (item.from || 0) !== found.from) {
        drop(r, [item]);
        delete item.lost;
        item.id = found.block.id;
        item.pos = position(found.block);
        if (item.what === "paragraph") { item.from = found.from; item.block = rawText(found.block); }
        put(r, item);
        moved = true;
      }
      var name = key(item);
      if (item.kind === "bookmark") found.block.classList.add("study-bookmarked");
      else wrap(found.block, found.from, found.from + item.text.length, name);
      if (item.kind === "mark" && item.note) {
        var flag = el("button", "study-note-flag reader-control generated", L.note_flag);
        flag.setAttribute("data-study-note", name);
        flag.title = item.note;
        (found.block.nodeName === "TR" ? found.block.lastElementChild : found.block).appendChild(flag);
      }
    }
    if (moved && writable) boot.change(function (fresh) { fresh.items = r.items; });
    if (lost && !shownLost) { shownLost = true; say(L.changed_here); }
    states(r);
  }
  var shownLost = false;

  // The pressed state of every 收藏 and 划线 button on the page.
  function states(r) {
    var buttons = document.querySelectorAll("[data-study-remark], .study-tools [data-study]");
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i], block = b.hasAttribute("data-study-remark") ? b.closest("figure.remark") : current;
      var what = b.getAttribute("data-study") || "bookmark";
      if (!block || what === "cite" || what === "note") continue;
      var on = what === "bookmark" ? find(r, "bookmark", block.id).length > 0
        : pending ? false : find(r, "mark", block.id, true).length > 0;
      b.setAttribute("aria-pressed", on);
    }
  }

  // --- the tools of a block ----------------------------------------------------------------------

  var box = null, current = null, pending = null, editor = null;

  function button(what, text) {
    var b = el("button", "reader-control", text);
    b.setAttribute("data-study", what);
    if (what === "bookmark" || what === "mark") b.setAttribute("aria-pressed", "false");
    return b;
  }

  function tools() {
    if (box) return box;
    box = el("span", "study-tools generated");
    box.setAttribute("data-search-exclude", "");
    box.appendChild(button("cite", L.copy_cite));
    box.appendChild(button("bookmark", L.bookmark));
    box.appendChild(button("mark", L.highlight));
    box.appendChild(button("note", L.note));
    box.addEventListener("click", onTool);
    return box;
  }

  function close() {
    if (box && box.parentNode) box.parentNode.removeChild(box);
    current = pending = null;
  }

  // Open (or close, as the reader's ¶ tools just did) the tools of `block`; from the keyboard,
  // focus goes to the first of them.
  function open(block, keyboard) {
    var isRow = block.nodeName === "TR";
    var shown = isRow ? !(box && box.parentNode && current === block) : !!block.querySelector(".para-tools");
    if (!shown && !(pending && pending.block === block)) return close();
    if (pending && pending.block !== block) pending = null;
    current = block;
    var t = tools(), d = describe(block);
    // A target row is cited on 我的学习 (from its document); only paragraphs are marked.
    t.querySelector("[data-study=cite]").hidden = d.what === "target";
    t.querySelector("[data-study=mark]").hidden = t.querySelector("[data-study=note]").hidden = d.what !== "paragraph";
    (isRow ? block.lastElementChild : block).appendChild(t);
    states(record());
    if (keyboard) {
      var first = block.querySelector(".para-tools a, .study-tools button:not([hidden])");
      if (first) first.focus();
    }
  }

  // A selection inside one paragraph: its tools, with 划线 for the selected words.
  function offer() {
    var s = getSelection(), range = s.rangeCount && !s.isCollapsed && s.getRangeAt(0);
    var node = range && range.commonAncestorContainer;
    var block = node && (node.nodeType === 1 ? node : node.parentNode).closest(BLOCK);
    if (!block || !PARAGRAPH.test(block.id)) return;
    var nodes = textNodes(block), pos = 0, start = -1, end = -1;
    for (var i = 0; i < nodes.length; i++) {
      var n = nodes[i];
      if (n === range.startContainer) start = pos + range.startOffset;
      if (n === range.endContainer) end = pos + range.endOffset;
      pos += n.nodeValue.length;
    }
    if (start < 0 || end <= start) return;
    pending = { block: block, from: start, text: rawText(block).slice(start, end) };
    if (!clean(pending.text)) { pending = null; return; }
    current = null;
    open(block, false);
  }

  function bookmark(block) {
    change(function (r) {
      var had = find(r, "bookmark", block.id);
      if (had.length) drop(r, had); else put(r, make("bookmark", block));
    });
  }

  function highlight(block) {
    var part = pending && pending.block === block ? pending : null;
    change(function (r) {
      var had = find(r, "mark", block.id, true);
      if (part) put(r, make("mark", block, part));
      else if (had.length) drop(r, had);
      else put(r, make("mark", block));
    });
    pending = null;
  }

  function onTool(event) {
    var b = event.target.closest && event.target.closest("button[data-study]");
    if (!b || !current) return;
    var block = current, what = b.getAttribute("data-study");
    if (what === "cite") {
      var d = describe(block);
      reader.copy(quote(d.text, d.cite), b);
    } else if (what === "bookmark") bookmark(block);
    else if (what === "mark") highlight(block);
    else if (what === "note") {
      var r = record(), part = pending && pending.block === block ? pending : null;
      var item = part ? null : find(r, "mark", block.id, true)[0];
      edit(block, item, part);
    }
  }

  // --- notes ---------------------------------------------------------------------------------------

  // The note editor under `block`: for `item` (a mark), or for a new mark (of `part`, a selection).
  function edit(block, item, part) {
    if (editor) editor.parentNode.removeChild(editor);
    editor = el("div", "study-note-editor generated");
    editor.setAttribute("role", "group");
    editor.setAttribute("aria-label", L.note_label);
    var label = editor.appendChild(el("label", "", L.note_label));
    var area = editor.appendChild(el("textarea"));
    area.id = label.htmlFor = "study-note-text";
    area.rows = 4;
    area.value = item && item.note || "";
    var row = editor.appendChild(el("p"));
    var save = row.appendChild(el("button", "reader-control", L.save));
    var cancel = row.appendChild(el("button", "reader-control", L.cancel));
    var del = item ? row.appendChild(el("button", "reader-control", L.delete)) : null;
    var after = block.nodeName === "TR" ? block.closest(".table-wrap, table") : block;
    after.parentNode.insertBefore(editor, after.nextSibling);
    function done() {
      if (editor && editor.parentNode) editor.parentNode.removeChild(editor);
      editor = null;
      if (!block.hasAttribute("tabindex")) block.tabIndex = -1;
      block.focus();
    }
    save.addEventListener("click", function () {
      var text = area.value.replace(/\s+$/, "");
      var ok = change(function (r) {
        var mine = item ? r.items[key(item)] : null;
        if (!mine) { mine = make("mark", block, part); put(r, mine); }
        mine.note = text;
        mine.t = Date.now();
      });
      if (ok) { say(L.saved); done(); }
    });
    cancel.addEventListener("click", done);
    if (del) del.addEventListener("click", function () {
      if (change(function (r) { delete r.items[key(item)]; })) done();
    });
    editor.addEventListener("keydown", function (e) { if (e.key === "Escape") { e.stopPropagation(); done(); } });
    pending = null;
    area.focus();
  }

  // --- 继续阅读 ------------------------------------------------------------------------------

  // Where the reader left this document, offered while they are at its top; gone once they scroll.
  function offerResume() {
    var place = record().places[page], target = place && document.getElementById(place.id);
    if (!target || location.hash || window.scrollY > 50 || target.getBoundingClientRect().top < window.innerHeight) return;
    var bar = el("p", "study-resume generated", L.resume_here + " ");
    var go = bar.appendChild(el("button", "reader-control", L.resume));
    function gone() {
      removeEventListener("scroll", gone);
      if (bar.parentNode) bar.parentNode.removeChild(bar);
    }
    go.addEventListener("click", function () {
      gone();
      target.scrollIntoView();
      scrollBy(0, -document.querySelector(".md-header").getBoundingClientRect().bottom);
      if (!target.hasAttribute("tabindex")) target.tabIndex = -1;
      target.focus({ preventScroll: true });
    });
    article.parentNode.insertBefore(bar, article);
    setTimeout(function () { addEventListener("scroll", gone); }, 500);
  }

  // --- wiring --------------------------------------------------------------------------------------

  document.addEventListener("click", function (event) {
    var flag = event.target.closest && event.target.closest("[data-study-note]");
    if (!flag) return;
    var item = record().items[flag.getAttribute("data-study-note")];
    if (item) edit(document.getElementById(item.id), item, null);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current && box && box.parentNode) {
      var block = current;
      close();
      block.focus();
    }
  });

  // Paragraphs and rows (not a table's header row) take focus; Enter or the space bar opens their
  // tools, as a tap does.
  var focusable = article.querySelectorAll("p[id], li[id], tr[id]");
  for (var i = 0; i < focusable.length; i++) {
    if (PARAGRAPH.test(focusable[i].id) || focusable[i].nodeName === "TR" && !/-r0$/.test(focusable[i].id)) focusable[i].tabIndex = 0;
  }
  document.addEventListener("keydown", function (event) {
    var t = event.target;
    if ((event.key === "Enter" || event.key === " ") && t.tabIndex === 0 && t.matches && t.matches(BLOCK)) {
      event.preventDefault();
      t.click();
    }
  });

  // The styles of the tools and marks, with the script (what every page needs is in study.css).
  var css = el("link");
  css.rel = "stylesheet";
  css.href = boot.root + "assets/stylesheets/study-tools.css";
  document.head.appendChild(css);

  boot.ready({
    show: function () { show(); if (document.querySelector("[data-study-read]")) offerResume(); },
    open: open,
    open: open,
    offer: offer,
    bookmarkRemark: function (b) {
      var remark = b.closest("figure.remark");
      if (remark) bookmark(remark);
    }
  });
})();
