/* 自测 (quiz pages, the 每日一练 page, the 错题本 on the 自测 page; loaded only there).
 *
 * A quiz page reads without this script: each question's answer and source are behind 查看答案.
 * reader.js loads it (not at a quiz page's first view, for its weight) at the reader's first click
 * or focus on a quiz page, which it then answers (window.quizPending: what was touched), or at
 * once on the 自测 page when the record holds wrong answers.
 * Here the options become buttons; an answer says right or wrong, opens the answer and its source,
 * and once every question is answered the score is shown. A question answered wrongly is kept in
 * 我的学习's record (study-boot.js: one localStorage entry per site root), in its `quiz` field:
 *   quiz: {wrong: {id: {s: stem, e: excerpt, o: [options], a: answer index, src: source,
 *                       u: URL from the edition's root, t: title, l: language, d: time answered}}}
 * so that the 自测 page can offer it again on this device (study-page.js exports and imports it
 * with the backup); answered right, it leaves the list.
 * 每日一练: a tap loads the bank (quiz/bank.js, every question in bank order) and draws the day's
 * ten as compendium/quiz/daily.py does: FNV-1a of the local date (YYYY-MM-DD; ?date= for
 * another day) seeds mulberry32, which drives a partial Fisher-Yates shuffle.
 * ES5 style for Chromium 86 (tests/reader/chromium86.mjs).
 */
(function () {
  "use strict";
  var LETTERS = "ABCDEFGH";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function fill(label, values) {
    return label.replace(/\{(\w+)\}/g, function (m, k) { return values[k] === undefined ? m : values[k]; });
  }

  // --- the record ----------------------------------------------------------------------------------

  function wrongs() {
    var boot = window.studyBoot, r = boot && boot.load();
    return (r && r.quiz && r.quiz.wrong) || {};
  }

  function keep(id, q, wrong) {
    var boot = window.studyBoot;
    if (!boot) return "off";
    return boot.change(function (r) {
      if (!r.quiz || typeof r.quiz !== "object") r.quiz = { wrong: {} };
      if (!r.quiz.wrong) r.quiz.wrong = {};
      if (wrong) { q.d = Date.now(); r.quiz.wrong[id] = q; } else delete r.quiz.wrong[id];
    });
  }

  // --- a question ----------------------------------------------------------------------------------

  // The question of a list item as the record keeps it.
  function read(li) {
    var q = { s: li.querySelector(".quiz-stem").textContent, o: [], a: +li.getAttribute("data-a") };
    var ex = li.querySelector(".quiz-excerpt"), link = li.querySelector(".quiz-source a");
    var opts = li.querySelectorAll(".quiz-options > li");
    for (var i = 0; i < opts.length; i++) q.o.push(opts[i].textContent);
    q.e = ex ? ex.textContent : "";
    q.src = li.querySelector(".quiz-src").textContent;
    q.u = link.getAttribute("href").replace(/^\.\.\//, "");
    q.t = link.textContent;
    q.l = li.getAttribute("lang") || "";
    return q;
  }

  // A list item for a question of the record or the bank, as the build writes one.
  function build(q, id, L) {
    var li = el("li", "quiz-q"), ol = el("ol", "quiz-options"), d = el("details", "quiz-key"), src = el("p", "quiz-source");
    li.setAttribute("data-q", id);
    li.setAttribute("data-a", q.a);
    if (q.l && q.l !== document.documentElement.lang) li.setAttribute("lang", q.l);
    li.appendChild(el("p", "quiz-stem", q.s));
    if (q.e) li.appendChild(el("blockquote", "quiz-excerpt")).appendChild(el("p", "", q.e));
    ol.type = "A";
    for (var i = 0; i < q.o.length; i++) ol.appendChild(el("li", "", q.o[i]));
    li.appendChild(ol);
    d.appendChild(el("summary", "", L.show_answer));
    d.appendChild(el("p", "quiz-answer", fill(L.answer, { letter: LETTERS[q.a], answer: q.o[q.a] })));
    src.appendChild(document.createTextNode(L.source));
    src.appendChild(el("span", "quiz-src", q.src));
    src.appendChild(document.createTextNode(" "));
    var a = src.appendChild(el("a", "", q.t));
    a.href = "../" + q.u;
    d.appendChild(src);
    li.appendChild(d);
    return li;
  }

  // --- a list of questions -------------------------------------------------------------------------

  function Quiz(list) {
    var L = JSON.parse(list.getAttribute("data-quiz-labels"));
    var end = list.parentNode.querySelector(".quiz-end") || el("p");
    var kind = list.getAttribute("data-quiz"), items = [], right = 0, done = 0, problem = "", button = null;

    function setup(li) {
      var q = read(li), opts = li.querySelectorAll(".quiz-options > li");
      items.push(li);
      for (var i = 0; i < opts.length; i++) {
        var b = el("button", "md-button quiz-opt generated");
        b.type = "button";
        b.setAttribute("data-n", i);
        while (opts[i].firstChild) b.appendChild(opts[i].firstChild);
        opts[i].appendChild(b);
      }
      li.addEventListener("click", function (event) {
        var t = event.target, row = t.closest && t.closest(".quiz-options > li"); // the whole row answers
        var b = row && row.querySelector(".quiz-opt");
        if (!b || li.getAttribute("data-done")) return;
        answer(li, q, +b.getAttribute("data-n"), b);
      });
    }

    function answer(li, q, n, b) {
      var ok = n === q.a, buttons = li.querySelectorAll(".quiz-opt");
      li.setAttribute("data-done", ok ? "right" : "wrong");
      for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
      b.setAttribute("aria-pressed", "true");
      b.className += " md-button--primary";
      var verdict = el("p", "quiz-verdict generated", ok ? L.right : fill(L.wrong, { letter: LETTERS[q.a] }));
      verdict.setAttribute("role", "status");
      li.insertBefore(verdict, li.querySelector(".quiz-key"));
      li.querySelector(".quiz-key").open = true;
      if (!ok || kind === "wrong" || wrongs()[li.getAttribute("data-q")]) {
        if (keep(li.getAttribute("data-q"), q, !ok)) problem = L.no_storage;
        else if (ok) verdict.textContent = L.right + L.cleared;
      }
      if (ok) right++;
      if (++done === items.length) finish();
    }

    function finish() {
      end.textContent = fill(L.score, { right: right, n: items.length }) + (problem ? " " + problem : "");
      var again = el("button", "md-button generated", L.again);
      again.type = "button";
      again.addEventListener("click", reset);
      end.appendChild(document.createTextNode(" "));
      end.appendChild(again);
      end.hidden = false;
    }

    function reset() {
      right = done = 0;
      problem = "";
      end.hidden = true;
      if (kind === "wrong") return showWrong();
      items.forEach(function (li) {
        var v = li.querySelector(".quiz-verdict"), buttons = li.querySelectorAll(".quiz-opt");
        if (v) li.removeChild(v);
        li.removeAttribute("data-done");
        li.querySelector(".quiz-key").open = false;
        for (var i = 0; i < buttons.length; i++) {
          buttons[i].disabled = false;
          buttons[i].removeAttribute("aria-pressed");
          buttons[i].className = "md-button quiz-opt generated";
        }
      });
      items[0].querySelector(".quiz-opt").focus();
    }

    function add(q, id) {
      var li = build(q, id, L);
      list.appendChild(li);
      setup(li);
    }

    function showWrong() {
      var w = wrongs(), ids = Object.keys(w).sort(function (a, b) { return w[a].d - w[b].d; });
      list.textContent = "";
      items = [];
      ids.forEach(function (id) { add(w[id], id); });
      var note = list.parentNode.querySelector(".quiz-wrong-note");
      if (note) note.textContent = ids.length ? fill(L.wrong_count, { n: ids.length }) : L.none_wrong;
    }

    function daily(bank, date) {
      var picked = draw(date, bank.length, 10);
      picked.forEach(function (i) { add(bank[i], bank[i].i); });
      var title = el("p", "quiz-daily-date generated", fill(L.daily_of, { date: date }));
      list.parentNode.insertBefore(title, list);
    }

    if (kind === "wrong") showWrong();
    else if (kind === "daily") {
      var start = list.parentNode.querySelector(".quiz-start");
      button = start.querySelector("button");
      var m = /[?&]date=(\d{4}-\d\d-\d\d)/.exec(location.search), now = new Date();
      var date = m ? m[1] : now.getFullYear() + "-" + ("0" + (now.getMonth() + 1)).slice(-2) + "-" + ("0" + now.getDate()).slice(-2);
      start.hidden = false;
      button.addEventListener("click", function () {
        if (window.quizBank) return;
        var s = el("script");
        s.src = button.getAttribute("data-quiz-bank");
        s.onload = function () { start.hidden = true; daily(window.quizBank, date); };
        document.head.appendChild(s);
      });
    } else {
      var lis = list.querySelectorAll(".quiz-q");
      for (var i = 0; i < lis.length; i++) setup(lis[i]);
    }
    // The touch that loaded this script (reader.js): an option is answered, the daily set started.
    var p = window.quizPending, option = p && p.closest && p.closest(".quiz-options > li");
    if (option && list.contains(option)) option.querySelector(".quiz-opt").click();
    else if (button && p && p.closest && p.closest("[data-quiz-bank]")) button.click();
  }

  // --- the daily draw (compendium/quiz/daily.py) ---------------------------------------------------

  function fnv1a(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  }

  function draw(date, count, n) {
    var a = fnv1a(date), pool = [], i;
    function rand() {
      a = (a + 0x6d2b79f5) | 0;
      var t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    for (i = 0; i < count; i++) pool.push(i);
    n = Math.min(n, count);
    for (i = 0; i < n; i++) {
      var j = i + Math.floor(rand() * (count - i)), x = pool[i];
      pool[i] = pool[j];
      pool[j] = x;
    }
    return pool.slice(0, n);
  }
  window.quizDraw = draw;

  // reader.js adds this script after DOMContentLoaded, when study-boot.js (the record) has run.
  function start() {
    var lists = document.querySelectorAll(".quiz-list");
    for (var k = 0; k < lists.length; k++) new Quiz(lists[k]);
    window.quizPending = null;
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
