/* 我的学习 on every page, kept small because every page loads it (the build strips its comments):
 * the device's record; on a document page, reading progress (read once the end of its text has
 * been on screen, or on a tap of 标为已读, a button the build writes) and the place the reader is
 * at; the link to 我的学习 in the header (the navigation's entry, placed as reader.js places 字号).
 * Everything else is study.js, loaded when the reader first uses a tool (a tap on a paragraph or
 * row, a selection, a remark's 收藏, the Tab key: study.js makes paragraphs and rows take focus) or
 * when the record has something to show on the page (marks, a place to go back to, progress).
 * Nothing leaves the device.
 *
 * The record is one localStorage entry, "study <site root>" (the site's root, as offline.js
 * namespaces its entry: Chromium gives every file:// page one storage), shared by both editions:
 *   {version: 1, read: {page: time}, places: {page: {id, t, title}}, last: page, items: {key: item}}
 * with pages named from their edition's root ("part2/5g-development.html", for en/… too). A record
 * this script cannot read (a newer version, or damaged) is never written over.
 * ES5 style for Chromium 86 (tests/reader/chromium86.mjs).
 */
(function () {
  "use strict";
  // This file is assets/javascripts/study-boot.js: the site root is two folders up.
  var root = new URL("../../", document.currentScript.src).href, KEY = "study " + root;
  var path = location.href.split(/[?#]/)[0].slice(root.length), page = path.replace(/^en\//, "");
  var BLOCK = "article p[id], article li[id], article tr[id]";
  var record, readButton, last, io, waiting = [], timer = 0;

  // The record; null where there is no storage (problem "off") or the record is not one this
  // script may write over (problem "newer": a newer version, or damaged).
  function load() {
    try {
      var text = localStorage.getItem(KEY), r = text ? JSON.parse(text) : { version: 1, read: {}, places: {}, items: {} };
      if (r.version === 1 && r.read && r.places && r.items) return r;
      boot.problem = "newer";
    } catch (e) {
      boot.problem = text === undefined ? "off" : "newer";
    }
    return null;
  }

  // Change the record with `fn` and write it: "" when done, else why not ("full", "off", "newer").
  function change(fn) {
    var r = load();
    if (!r) return boot.problem;
    fn(r);
    try {
      localStorage.setItem(KEY, JSON.stringify(r));
    } catch (e) {
      return e.name === "QuotaExceededError" || e.code === 22 ? "full" : "off";
    }
    record = r;
    return "";
  }

  // A study script, in the page's language (the build writes study.js and study.en.js).
  function script(name) {
    var s = document.createElement("script");
    s.src = root + "assets/javascripts/" + name + (path === page ? "" : ".en") + ".js";
    document.head.appendChild(s);
  }

  // study.js, loaded once, then `fn(its tools)`.
  function tools(fn) {
    if (boot.tools) return fn(boot.tools);
    if (waiting.push(fn) === 1) script("study");
  }

  var boot = window.studyBoot = {
    root: root, page: page, load: load, change: change,
    ready: function (t) {
      boot.tools = t;
      while (waiting.length) waiting.shift()(t);
    }
  };
  record = load() || { read: {}, places: {}, items: {} };

  function reached() {
    if (!record.read[page]) setRead(true);
  }

  function setRead(done) {
    change(function (r) { if (done) r.read[page] = Date.now(); else delete r.read[page]; });
    readButton.setAttribute("aria-pressed", !!record.read[page]);
  }

  // The block at the top of the screen, a moment after the reader stops scrolling.
  function keepPlace() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var top = compendiumReader.topBlock();
      if (!io && last.getBoundingClientRect().top < innerHeight) reached(); // no IntersectionObserver
      if (top && top.id) {
        change(function (r) {
          r.places[page] = { id: top.id, t: Date.now(), title: document.querySelector("article h1").firstChild.textContent.trim() };
          r.last = page;
        });
      }
    }, 600);
  }

  function onClick(event) {
    var t = event.target, block = t.closest && t.closest(BLOCK);
    if (!t.closest) return;
    if (t.closest("[data-study-read]")) setRead(!record.read[page]);
    else if (t.closest("[data-study-remark]")) tools(function (s) { s.bookmarkRemark(t); });
    else if (block && !/-r0$/.test(block.id) && !t.closest("a, button, input, label, summary, textarea, .study-tools")) {
      tools(function (s) { s.open(block, event.detail === 0); });
    }
  }

  // A selection (one timer with keepPlace's: nobody selects while scrolling): study.js offers to
  // mark the selected words, where they are inside one paragraph.
  function onSelection() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      if (!getSelection().isCollapsed) tools(function (t) { t.offer(); });
    }, 400);
  }

  // After reader.js has placed 字号 (its listener came first), in the same task: the room the
  // header keeps for both from the first paint (study.css) is taken at once.
  function init() {
    var header = document.querySelector(".md-header__inner"), entry = document.querySelector(".md-nav--primary a[href$='study.html']");
    var show = record.places[page];
    if (header && entry) {
      var link = header.appendChild(document.createElement("a"));
      link.className = "study-link generated";
      link.href = entry.href;
      link.title = entry.textContent.trim();
    }
    addEventListener("click", onClick); // after reader.js's listener on the document
    // The keyboard: study.js makes paragraphs and rows take focus, from the first Tab on.
    addEventListener("keydown", function (event) { if (event.key === "Tab") tools(function () {}); });
    document.addEventListener("selectionchange", onSelection);
    readButton = document.querySelector("[data-study-read]");
    if (readButton) {
      readButton.setAttribute("aria-pressed", !!record.read[page]);
      // Read once the last paragraph has been on screen (without IntersectionObserver: looked for
      // when the place is taken).
      last = document.querySelectorAll("article p[id]");
      last = last[last.length - 1];
      if (window.IntersectionObserver) {
        io = new IntersectionObserver(function (e) { if (e[0].isIntersecting) { io.disconnect(); reached(); } });
        io.observe(last);
      }
      addEventListener("scroll", keepPlace);
    }
    // Something of the record to show here: study.js shows marks and the place, study-page.js progress.
    for (var k in record.items) show = show || record.items[k].page === page;
    if (show) tools(function (t) { t.show(); });
    if (record.last && document.querySelector(".study-progress")) script("study-page");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
