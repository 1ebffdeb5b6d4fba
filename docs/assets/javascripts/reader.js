/* The reader's tools: text size, copy a link or a citation, clean copying, keep the place.
 *
 * The build writes every control and label (compendium/reader/controls.py, data/labels.yml) and every
 * citation (compendium/reader/remark_citation.py); this script only places the controls and copies. It is
 * loaded in the head (overrides/main.html) so that the saved text size applies before the page
 * is drawn. Written for Chromium 86 and older engines: ES5 style, every newer API behind a check
 * (tests/reader/test_reader.py parses it as ES2020 and looks for unguarded newer calls).
 */
(function () {
  "use strict";

  var root = document.documentElement;
  var KEY = "compendium.text-size";
  var SIZES = ["small", "normal", "large", "xlarge"];
  // Paragraph ids of the anchor scheme: p3, s1-2-p3, r-20171218-p1, box-1-p2.
  var PARAGRAPH = /(^|-)p\d+$/;
  // Characters that must not reach a Word document: zero-width spaces and joiners, BOM, soft hyphen.
  var INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

  // --- text size, before the first paint -------------------------------------------------------

  function savedSize() {
    try {
      var size = window.localStorage.getItem(KEY);
      return SIZES.indexOf(size) >= 0 ? size : "normal";
    } catch (e) {
      return "normal"; // storage switched off: the site's own size
    }
  }

  function applySize(size) {
    if (size === "normal") root.removeAttribute("data-text-size");
    else root.setAttribute("data-text-size", size);
  }

  applySize(savedSize());
  root.classList.add("reader-js");

  // --- keeping the reader's place (turning the phone, changing the size) ------------------------

  var place = { el: null, fraction: 0 };
  var width = 0; // the width the place was taken at (set when the page is ready)
  var pending = false;

  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? header.getBoundingClientRect().bottom : 0;
  }

  // The first paragraph or heading of the article whose bottom is below the header.
  function topBlock() {
    var blocks = document.querySelectorAll("article h1, article h2, article h3, article h4, article p[id], article li[id]");
    var line = headerBottom() + 1;
    var lo = 0, hi = blocks.length - 1, found = null;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (blocks[mid].getBoundingClientRect().bottom > line) { found = blocks[mid]; hi = mid - 1; }
      else lo = mid + 1;
    }
    return found;
  }

  function remember() {
    pending = false;
    if (window.innerWidth !== width) return; // a resize is on its way: keep the place from before it
    var el = topBlock();
    if (!el) return;
    var box = el.getBoundingClientRect();
    place.el = el;
    place.fraction = box.height ? Math.max(0, headerBottom() - box.top) / box.height : 0;
  }

  // Scroll so that the remembered block is again at the top, as far into it as before.
  function scrollBack() {
    if (!place.el) return;
    var box = place.el.getBoundingClientRect();
    window.scrollBy(0, box.top + place.fraction * box.height - headerBottom());
  }

  // The phone turned (or the window was made narrower or wider): the text flowed anew. A change
  // of height alone (a phone's address bar coming and going) moves nothing.
  function onResize() {
    if (window.innerWidth === width) return;
    width = window.innerWidth;
    scrollBack();
  }

  function onScroll() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(remember);
  }

  // --- copying ---------------------------------------------------------------------------------

  function textOf(el) {
    var copy = el.cloneNode(true);
    var extra = copy.querySelectorAll(".generated, .reader-control, .headerlink");
    for (var i = 0; i < extra.length; i++) extra[i].parentNode.removeChild(extra[i]);
    return copy.textContent.replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
  }

  // Quotation marks inside a quotation turn to single ones (and single to double), GB/T 15834.
  function nestQuotes(text) {
    var swap = { "\u201c": "\u2018", "\u201d": "\u2019", "\u2018": "\u201c", "\u2019": "\u201d" };
    return text.replace(/[\u201c\u201d\u2018\u2019]/g, function (c) { return swap[c]; });
  }

  // “First paragraph … “last paragraph.”（citation）: each paragraph opens a quotation mark, the
  // last one closes it (GB/T 15834), then the citation the build wrote.
  function citation(remark, suffix) {
    var parts = [];
    var blocks = remark.querySelectorAll("blockquote [id]");
    for (var i = 0; i < blocks.length; i++) {
      if (PARAGRAPH.test(blocks[i].id)) parts.push("\u201c" + nestQuotes(textOf(blocks[i])));
    }
    return parts.join("\n") + "\u201d" + suffix;
  }

  function pageUrl(id) {
    return window.location.href.split("#")[0] + "#" + id;
  }

  // Old engines and plain-http intranets have no navigator.clipboard: copy through a text field.
  function copyThroughField(text, focus) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "reader-offscreen";
    document.body.appendChild(field);
    field.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    document.body.removeChild(field);
    if (focus) focus.focus();
    return done;
  }

  function writeText(text, focus) {
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyThroughField(text, focus); });
    }
    return Promise.resolve(copyThroughField(text, focus));
  }

  var notice = null, noticeTimer = 0;

  function tell(done) {
    if (!notice) return;
    window.clearTimeout(noticeTimer);
    notice.textContent = notice.getAttribute(done ? "data-copied" : "data-failed");
    notice.classList.add("reader-notice--shown");
    noticeTimer = window.setTimeout(function () {
      notice.classList.remove("reader-notice--shown");
      notice.textContent = "";
    }, 2000);
  }

  function copyFrom(button) {
    var link = button.parentNode.querySelector("a.permalink");
    var id = link ? link.getAttribute("href").slice(1) : "";
    var target = id && document.getElementById(id);
    if (!target) return;
    var text = button.getAttribute("data-copy") === "cite"
      ? citation(target, button.getAttribute("data-cite")) : pageUrl(id);
    writeText(text, button).then(tell);
  }

  // Text copied from the page goes out as plain text: no controls, no ¶ marks, no invisible
  // characters, no markup, one line per paragraph (Word and WPS make each line a paragraph).
  function onCopy(event) {
    var target = event.target;
    if (target && /^(INPUT|TEXTAREA)$/.test(target.nodeName)) return;
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !event.clipboardData) return;
    root.classList.add("reader-copying"); // hides the controls while the text is read out
    var text = selection.toString();
    root.classList.remove("reader-copying");
    text = text.replace(INVISIBLE, "").replace(/\u00a0/g, " ").replace(/[ \t]+\n/g, "\n").replace(/\n{2,}/g, "\n");
    event.clipboardData.setData("text/plain", text.replace(/^\n+|\s+$/g, ""));
    event.preventDefault();
  }

  // --- the link tool of a paragraph ------------------------------------------------------------

  var paragraphTools = null;

  function onParagraphClick(event) {
    var el = event.target;
    if (!paragraphTools || !el.closest || el.closest("a, button, input, label, summary, select, textarea")) return;
    var selection = window.getSelection();
    if (selection && !selection.isCollapsed) return; // the reader is selecting text
    var paragraph = el.closest("article p[id], article li[id]");
    if (!paragraph || !PARAGRAPH.test(paragraph.id)) return;
    if (paragraphTools.parentNode === paragraph) {
      paragraph.removeChild(paragraphTools);
      return;
    }
    paragraphTools.querySelector("a.permalink").setAttribute("href", "#" + paragraph.id);
    paragraph.appendChild(paragraphTools);
  }

  // --- the text-size menu ----------------------------------------------------------------------

  var sizeToggle = null, sizeMenu = null;

  function showSize(size) {
    var buttons = sizeMenu.querySelectorAll("[data-size]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-size") === size));
    }
  }

  function openMenu(open) {
    sizeMenu.hidden = !open;
    sizeToggle.setAttribute("aria-expanded", String(open));
    if (open) sizeMenu.querySelector("[aria-pressed=true]").focus();
  }

  function chooseSize(size) {
    remember();
    applySize(size);
    try { window.localStorage.setItem(KEY, size); } catch (e) { /* kept for this page only */ }
    showSize(size);
    scrollBack();
  }

  // --- wiring ----------------------------------------------------------------------------------

  function onClick(event) {
    var el = event.target;
    if (!el.closest) return;
    var button = el.closest("button");
    if (sizeMenu && !sizeMenu.hidden && !el.closest(".reader-size")) openMenu(false);
    if (button && button.hasAttribute("data-copy")) copyFrom(button);
    else if (button && button === sizeToggle) openMenu(sizeMenu.hidden);
    else if (button && button.hasAttribute("data-size")) chooseSize(button.getAttribute("data-size"));
    else onParagraphClick(event);
  }

  function onKey(event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    if (sizeMenu && !sizeMenu.hidden) {
      openMenu(false);
      sizeToggle.focus();
    } else if (paragraphTools && paragraphTools.parentNode) {
      paragraphTools.parentNode.removeChild(paragraphTools);
    }
  }

  function init() {
    var template = document.getElementById("reader-ui");
    var header = document.querySelector(".md-header__inner");
    if (template && template.content) {
      var ui = template.content;
      notice = document.body.appendChild(ui.querySelector(".reader-notice").cloneNode(true));
      paragraphTools = ui.querySelector(".para-tools").cloneNode(true);
      if (header) {
        var size = header.appendChild(ui.querySelector(".reader-size").cloneNode(true));
        sizeToggle = size.querySelector(".reader-size__toggle");
        sizeMenu = size.querySelector(".reader-size__menu");
        showSize(savedSize());
      }
    }
    root.classList.add("reader-ready");
    document.addEventListener("click", onClick);
    document.addEventListener("keydown", onKey);
    document.addEventListener("copy", onCopy);
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onResize);
    // The place is taken when the reader scrolls (a link to a paragraph scrolls too), not here:
    // measuring the page now would lay it out in the middle of loading, for nothing on a page
    // read from its top.
    width = window.innerWidth;
  }

  // quiz.js: see its header.
  var src = document.currentScript ? document.currentScript.src : "";

  function quizPage() {
    var list = document.querySelector(".quiz-list"), on = 0;
    function load(e) {
      window.quizPending = e && e.target;
      if (on++) return;
      var s = document.createElement("script");
      s.src = src.replace("reader.js", "quiz.js");
      document.head.appendChild(s);
    }
    if (!list) return;
    if (list.getAttribute("data-quiz") !== "wrong") {
      document.addEventListener("click", load, true);
      document.addEventListener("focusin", load);
    } else try { if (/wrong\\":\{\\"/.test(JSON.stringify(localStorage))) load(); } catch (e) {}
  }

  // For the study tools (study-boot.js, study.js, study-page.js): copy with the 已复制 notice, the
  // clean text of a block, quotation marks nested, the block at the top of the screen.
  window.compendiumReader = {
    copy: function (text, focus) { return writeText(text, focus).then(function (done) { tell(done); return done; }); },
    textOf: textOf, nestQuotes: nestQuotes, topBlock: topBlock
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", quizPage);
  else quizPage();
})();
