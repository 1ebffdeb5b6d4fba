/*
 * The site's search engine: search-worker.js, which Material's bundle starts on every page, loads
 * it (and then the index) when the reader first searches, and hands it the bundle's messages,
 * which serve() answers in the bundle's worker protocol (Material 9.8.2, pinned;
 * tests/search/test_search.py checks the protocol against Material's installed sources):
 *
 *   bundle → worker  {type: 0 SETUP, data: {config, docs, options}}   config from search_index.json
 *   worker → bundle  {type: 1 READY}
 *   bundle → worker  {type: 2 QUERY, data: "the text in the search box"}
 *   worker → bundle  {type: 3 RESULT, data: {items: [[item, …], …]}}   one group per page
 *
 * An item is {location, title, text, score, terms}: title and text are HTML with <mark> around
 * what matched, terms the words matched (Material puts them into the ?h= of the link, to mark
 * them on the page) or missed (it lists those under the result).
 *
 * The index of the page's language (search/index.<lang>.js, written by hooks/search.py) is named
 * in the worker's URL (?index=, relative to it); Material's search_index.json, which the
 * bundle sends with SETUP, is a stub without documents. The index is loaded with the first query
 * (from file://, when search opens: the bundle sends SETUP only then). Queries that come before
 * the index is in are answered once it is; a newer query supersedes an older.
 *
 * Matching: the index and the query are folded the same way (fold: full width to half width,
 * lower case, no spaces, punctuation, brackets or zero-width characters; digits these kept apart
 * stay apart by one space: 〔2015〕59号 → 2015 59号), and a query matches
 * where its folded form occurs in the folded text, on any character boundary (the limit of
 * character n-grams; digits must not run on: 8号 is not 358号). A 文号 is also recognised in
 * any common spelling and matched by issuer, year and number. A query found nowhere as a whole
 * is matched by its longest pieces found in a section. A page whose title or 文号 matches ranks
 * above pages that merely mention the words.
 *
 * Runs in the worker over http(s), in iframe-worker's iframe from file://, and under Node
 * (tests and tools/search_options.js), where it only exports its functions.
 */
"use strict";

(function (global) {

  /* --- Material's message types (SearchMessageType) ------------------------------------- */

  const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

  /* --- scores ----------------------------------------------------------------------------- */

  const SCORE = {
    mention: 10,        // a term in a section's text (grows with the log of the count)
    heading: 30,        // a term in a section's heading, attribution or caption
    pageTitle: 100,     // a term in the page's title
    sameTitle: 50,      // the query is the page's whole title
    docNo: 1000,        // the page's own 文号
    docNoNumber: 600,   // the number of the page's 文号 (59号文)
    citedDocNo: 150,    // a 文号 cited in a section
    loose: 30,          // a query found only in pieces: at full coverage in a section
    looseTitle: 100,    // … in the page's title
    moreSections: 2,    // per further matching section of a page (at most +20)
  };
  const MAX_QUERY = 64;        // folded characters of a query that are searched
  const MAX_LOOSE = 24;        // … and matched in pieces when not found as a whole
  const MIN_COVER = 0.7;       // share of a query a section must hold to match in pieces
  const MAX_SECTIONS = 10;     // sections shown per page
  const MAX_PAGES = 50;        // pages in a result

  /* --- folding: the same for index and query -------------------------------------------- */

  const KEEP = /[\p{L}\p{N}+%]/u;
  const DIGIT = /[0-9]/;

  /* Fold text; `from[i]`, `to[i]` are where folded character i came from in the text. */
  function fold(text) {
    let s = "", gap = -1;  // gap: where the characters dropped since the last one kept begin
    const from = [], to = [];
    const push = (c, a, b) => { s += c; from.push(a); to.push(b); };
    for (let i = 0; i < text.length;) {
      const cp = text.codePointAt(i);
      const n = cp > 0xffff ? 2 : 1;
      const ch = text.slice(i, i + n);
      const f = (cp >= 0x4e00 && cp <= 0x9fff) ? ch
        : cp < 0x80 ? ch.toLowerCase() : ch.normalize("NFKC").toLowerCase();
      for (const c of f) {
        const afterDigit = DIGIT.test(s[s.length - 1] || "");
        if (KEEP.test(c) || (c === "." && afterDigit && gap < 0 && DIGIT.test(nextFolded(text, i + n)))) {
          // Digits apart stay apart (〔2015〕59 → "2015 59"), so that numbers do not run together.
          if (gap >= 0 && afterDigit && DIGIT.test(c)) push(" ", gap, gap + 1);
          push(c, i, i + n);
          gap = -1;
        } else if (gap < 0) {
          gap = i;
        }
      }
      i += n;
    }
    return { s, from, to };
  }

  /* The first character of text at i, folded ("" at the end). */
  function nextFolded(text, i) {
    return i < text.length ? text[i].normalize("NFKC") : "";
  }

  /* --- 文号 ------------------------------------------------------------------------------- */

  /* A 文号 as readers type it: 国办发〔2015〕59号, 国办发[2015]59号, 国办发2015 59号, 59号文. */
  const DOC_NO_TYPED = /^\s*([\p{sc=Han}A-Za-z]*?)\s*[〔\[【(（［{]?\s*(\d{4})\s*[〕\]】)）］}]?\s*年?\s*第?\s*(\d{1,4})\s*号\s*(?:文件?)?\s*$/u;
  const DOC_NO_NUMBER = /^\s*(\d{1,4})\s*号\s*文件?\s*$/u;
  /* A 文号 as printed in a text: issuer (Han characters before the bracket), year, number. */
  const DOC_NO_PRINTED = /([\p{sc=Han}]{1,12})〔(\d{4})〕(\d{1,4})号/gu;

  /* {issuer, year, number} of a typed 文号, or null. */
  function parseDocNo(query) {
    const q = query.normalize("NFKC");
    let m = DOC_NO_NUMBER.exec(q);
    if (m) return { issuer: "", year: "", number: +m[1] };
    m = DOC_NO_TYPED.exec(q);
    return m ? { issuer: m[1], year: m[2], number: +m[3] } : null;
  }

  /* The 文号 printed in a text, with where each is. */
  function printedDocNos(text) {
    const out = [];
    for (const m of text.matchAll(DOC_NO_PRINTED))
      out.push({ issuer: m[1], year: m[2], number: +m[3], text: m[0], start: m.index, end: m.index + m[0].length });
    return out;
  }

  /* Whether a printed 文号 is the typed one (an issuer typed must end the printed issuer). */
  function sameDocNo(typed, printed) {
    return typed.number === printed.number &&
      (!typed.year || typed.year === printed.year) &&
      (!typed.issuer || printed.issuer.endsWith(typed.issuer));
  }

  /* --- matching strategies ---------------------------------------------------------------- */

  /*
   * How a term meets a text. A strategy prepares each folded field (aux), accepts or refuses
   * each place a term occurs in it (accepts(field, aux, start, end, term)), and gives the pieces
   * of a query found nowhere as a whole (pieces(term), or null: its longest pieces found).
   * The site uses character n-grams; tools/search_options.js measures segmenters against it.
   *
   * Character n-grams: a term matches wherever its folded form occurs (digits do not run on).
   */
  const NGRAM = {
    name: "ngram",
    prepare() { return null; },
    accepts(folded, aux, start, end) {
      return !(start > 0 && DIGIT.test(folded[start]) && /[0-9.]/.test(folded[start - 1])) &&
        !(end < folded.length && DIGIT.test(folded[end - 1]) && /[0-9.]/.test(folded[end]));
    },
    pieces: null,  // a query not found as a whole is covered by its longest pieces found
  };

  /* Every [start, end) where `term` occurs in a folded field, as the strategy accepts it. */
  function occurrences(field, aux, term, strategy) {
    const spans = [];
    if (!term) return spans;
    for (let i = field.indexOf(term); i >= 0; i = field.indexOf(term, i + 1))
      if (strategy.accepts(field, aux, i, i + term.length, term)) {
        spans.push([i, i + term.length]);
        i += term.length - 1;
      }
    return spans;
  }

  /* Pieces of `term` found in a section (title or text), longest first from the left. */
  function cover(term, section, strategy) {
    const found = [];
    if (strategy.pieces) {
      for (const piece of strategy.pieces(term))
        if (hits(section, piece, strategy)) found.push(piece);
      return found;
    }
    for (let i = 0; i < term.length;) {
      let j = term.length;
      while (j - i >= 2 && !hits(section, term.slice(i, j), strategy)) j--;
      if (j - i >= 2) { found.push(term.slice(i, j)); i = j; } else i++;
    }
    return found;
  }

  /* Whether a term occurs in a section's title or text. */
  function hits(section, term, strategy) {
    return occurrences(section.ft.s, section.auxTitle, term, strategy).length > 0 ||
      occurrences(section.fx.s, section.auxText, term, strategy).length > 0;
  }

  /* --- the engine ------------------------------------------------------------------------- */

  /* An engine over one language's index ({pages: [{u, t, n, w, s: [[anchor, title, text]]}]}). */
  function createEngine(data, strategy) {
    strategy = strategy || NGRAM;
    const pages = data.pages.map((p, order) => {
      const page = { url: p.u, title: p.t, weight: p.w, order, docNo: null, sections: [] };
      page.docNo = printedDocNos(p.n || "")[0] || null;
      page.sections = p.s.map(([anchor, title, text]) => {
        const heading = anchor === "" ? p.t : title;
        const ft = fold(heading), fx = fold(text);
        return {
          page, anchor, title: heading, text, ft, fx,
          auxTitle: strategy.prepare(heading, ft), auxText: strategy.prepare(text, fx),
          docNos: printedDocNos(text),
        };
      });
      return page;
    });
    return { pages, strategy, search: query => search(pages, strategy, query) };
  }

  /* What the reader typed: the whole (folded), its parts (quoted or between spaces), a 文号. */
  function parseQuery(raw) {
    const text = String(raw).slice(0, 4 * MAX_QUERY);
    const parts = [];
    const rest = text.replace(/["“”「」『』]([^"“”「」『』]+)["“”「」『』]?/g, (_, phrase) => {
      parts.push(phrase);
      return " ";
    });
    parts.push(...rest.split(/\s+/));
    const typed = new Map();  // folded part → as typed
    for (const part of parts) {
      const f = fold(part).s.slice(0, MAX_QUERY);
      if (f && !typed.has(f)) typed.set(f, part.trim());
    }
    return {
      whole: [...typed.keys()].join("").slice(0, MAX_QUERY),
      parts: [...typed.keys()],
      typed,
      docNo: parseDocNo(text),
    };
  }

  /* The result for a query: groups of items, best page first. */
  function search(pages, strategy, raw) {
    const query = parseQuery(raw);
    if (!query.whole) return { items: [] };
    const terms = query.parts.length > 1 ? query.parts : [query.whole];
    const matches = new Matches();
    matchTerms(matches, pages, strategy, query, terms);
    if (query.docNo) matchDocNo(matches, pages, query.docNo, terms);
    if (!matches.size && query.whole.length >= 2) matchPieces(matches, pages, strategy, query.whole, terms);
    return { items: rank(matches, terms, query.typed) };
  }

  /* What matched: page → {sections: Map(section → hit), found: Set(term), bonus}. */
  class Matches extends Map {
    /* The page's match and the section's hit, created empty on first use. */
    of(section) {
      let m = this.get(section.page);
      if (!m) this.set(section.page, m = { sections: new Map(), found: new Set(), bonus: 0 });
      let h = m.sections.get(section);
      if (!h) m.sections.set(section, h = { score: 0, titleSpans: [], textSpans: [], terms: new Set() });
      return [m, h];
    }
  }

  /* 1. The terms (and, of several, the whole typed together) where they occur. */
  function matchTerms(matches, pages, strategy, query, terms) {
    const wanted = terms.length > 1 ? [...terms, query.whole] : terms;
    for (const page of pages)
      for (const section of page.sections)
        for (const term of wanted) {
          const inTitle = occurrences(section.ft.s, section.auxTitle, term, strategy);
          const inText = occurrences(section.fx.s, section.auxText, term, strategy);
          const count = inTitle.length + inText.length;
          if (!count) continue;
          const [m, h] = matches.of(section);
          if (terms.includes(term)) m.found.add(term);
          h.score += SCORE.mention * (1 + Math.log2(count));
          if (inTitle.length) {
            h.score += section.anchor === "" ? SCORE.pageTitle : SCORE.heading;
            if (section.anchor === "" && section.ft.s === term) h.score += SCORE.sameTitle;
          }
          h.titleSpans.push(...inTitle);
          h.textSpans.push(...inText);
          h.terms.add(spell(section, inTitle, inText));
        }
  }

  /* 2. A 文号 in any spelling: the page's own (its 文号 line marked), or cited in a section. */
  function matchDocNo(matches, pages, typed, terms) {
    for (const page of pages) {
      const own = page.docNo && sameDocNo(typed, page.docNo);
      if (own) {
        const intro = page.sections[0];
        const [m, h] = matches.of(intro);
        m.bonus += typed.year ? SCORE.docNo : SCORE.docNoNumber;
        terms.forEach(t => m.found.add(t));
        const at = intro.text.indexOf(page.docNo.text);
        if (at >= 0) markPrinted(h, intro, { ...page.docNo, start: at, end: at + page.docNo.text.length });
      }
      for (const section of page.sections)
        for (const cited of section.docNos)
          if (!own && sameDocNo(typed, cited)) {
            const [m, h] = matches.of(section);
            h.score += SCORE.citedDocNo;
            terms.forEach(t => m.found.add(t));
            markPrinted(h, section, cited, typed.issuer);
          }
    }
  }

  /* 3. Found nowhere as a whole: the longest pieces of the query that a section holds. */
  function matchPieces(matches, pages, strategy, whole, terms) {
    const term = whole.slice(0, MAX_LOOSE);
    for (const page of pages)
      for (const section of page.sections) {
        const pieces = cover(term, section, strategy);
        const share = pieces.reduce((n, p) => n + p.length, 0) / term.length;
        if (share < MIN_COVER) continue;
        const [m, h] = matches.of(section);
        terms.forEach(t => m.found.add(t));
        h.score += (section.anchor === "" ? SCORE.looseTitle * titleShare(section, pieces, strategy) : 0) +
          SCORE.loose * share ** 3;
        for (const piece of pieces) {
          const inTitle = occurrences(section.ft.s, section.auxTitle, piece, strategy);
          const inText = occurrences(section.fx.s, section.auxText, piece, strategy);
          h.titleSpans.push(...inTitle);
          h.textSpans.push(...inText);
          if (inTitle.length || inText.length) h.terms.add(spell(section, inTitle, inText));
        }
      }
  }

  /* Share of the pieces that the section's own title holds. */
  function titleShare(section, pieces, strategy) {
    const total = pieces.reduce((n, p) => n + p.length, 0) || 1;
    return pieces.filter(p => occurrences(section.ft.s, section.auxTitle, p, strategy).length)
      .reduce((n, p) => n + p.length, 0) / total;
  }

  /*
   * Mark a printed 文号 in the section's text. In running text the issuer's start is unknown
   * (…的意见国办发〔2015〕59号): there only the issuer typed, if any, is marked with year and number.
   */
  function markPrinted(hit, section, printed, typedIssuer) {
    if (typedIssuer !== undefined)
      printed = { ...printed, start: printed.start + printed.issuer.length - typedIssuer.length };
    const start = section.fx.from.findIndex(i => i >= printed.start);
    let end = start;
    while (end >= 0 && end < section.fx.from.length && section.fx.from[end] < printed.end) end++;
    if (start >= 0 && end > start) hit.textSpans.push([start, end]);
    hit.terms.add(section.text.slice(printed.start, printed.end));
  }

  /* The first match as the page spells it (for Material's ?h= on the link). */
  function spell(section, inTitle, inText) {
    const [field, spans] = inText.length ? [section.fx, inText] : [section.ft, inTitle];
    const source = inText.length ? section.text : section.title;
    const [a, b] = spans[0];
    return source.slice(field.from[a], field.to[b - 1]);
  }

  /* Pages by score (ties in book order), each as Material's group of items. */
  function rank(matches, terms, typed) {
    const scored = [];
    for (const [page, m] of matches) {
      const hitsOf = [...m.sections.entries()].sort((a, b) => b[1].score - a[1].score);
      const best = hitsOf[0][1].score;
      const more = Math.min(20, SCORE.moreSections * (hitsOf.length - 1));
      const complete = (m.found.size / terms.length) ** 2;
      scored.push({ page, m, hitsOf, score: ((best + more) * page.weight + m.bonus) * complete });
    }
    scored.sort((a, b) => b.score - a.score || a.page.order - b.page.order);
    return scored.slice(0, MAX_PAGES).map(({ page, m, hitsOf, score }) => {
      const missing = terms.filter(t => !m.found.has(t)).map(t => typed.get(t) || t);
      // Sections score in proportion to the best (which carries the page's score): Material
      // shows those level with the first, and folds the others under "more on this page".
      const best = hitsOf[0][1].score || 1;
      const items = hitsOf.slice(0, MAX_SECTIONS).map(([section, h]) =>
        item(section, h, score * h.score / best, missing));
      if (!hitsOf.some(([section]) => section.anchor === ""))
        items.push(item(page.sections[0], null, 0, missing));
      const all = new Set(hitsOf.flatMap(([, h]) => [...h.terms]));
      for (const it of items) if (it.location === page.url) it.terms = termsOf(all, missing);
      return items;
    });
  }

  /* One item of Material's result. */
  function item(section, hit, score, missing) {
    const location = section.anchor ? `${section.page.url}#${section.anchor}` : section.page.url;
    return {
      location,
      title: marked(section.title, section.ft, hit ? hit.titleSpans : [], Infinity),
      text: hit && hit.textSpans.length ? `<p>${marked(section.text, section.fx, hit.textSpans, 110)}</p>` : "",
      score: Math.round(score * 100) / 100,
      terms: termsOf(hit ? hit.terms : [], missing),
    };
  }

  /* {term: true} for what matched, {typed: false} for what did not. */
  function termsOf(found, missing) {
    const terms = {};
    for (const t of found) if (t) terms[t] = true;
    for (const t of missing) terms[t] = false;
    return terms;
  }

  /* HTML of the text with <mark> around the spans, cut to about `width` characters around the first. */
  function marked(text, field, spans, width) {
    const ranges = spans.map(([a, b]) => [field.from[a], field.to[b - 1]])
      .sort((x, y) => x[0] - y[0]);
    let start = 0, end = text.length;
    if (text.length > width) {
      start = ranges.length ? Math.max(0, ranges[0][0] - 20) : 0;
      end = Math.min(text.length, start + width);
    }
    let html = start > 0 ? "…" : "", at = start;
    for (const [a, b] of ranges) {
      if (b <= at || a >= end) continue;
      html += escapeHTML(text.slice(at, Math.max(at, a))) +
        `<mark>${escapeHTML(text.slice(Math.max(at, a), Math.min(b, end)))}</mark>`;
      at = Math.min(b, end);
    }
    html += escapeHTML(text.slice(at, end)) + (end < text.length ? "…" : "");
    return html.replace(/\n/g, " ");
  }

  function escapeHTML(s) {
    return s.replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  /* --- answering the bundle's queries ----------------------------------------------------- */

  /* What the worker (search-worker.js) hands every message to once this script is loaded: it
     loads the index at `indexUrl` when first asked (once; again after a failure), answers QUERY
     with RESULT, and lets a newer query supersede an older one still waiting for the index. */
  function serve(indexUrl, post) {
    let engine = null, loading = null, latest = 0;

    function load() {
      if (!loading) loading = (async () => {
        await importScripts(indexUrl);
        engine = createEngine(global.__compendiumSearchIndex);
      })().catch(err => {
        loading = null;
        throw err;
      });
      return loading;
    }

    async function onMessage(message) {
      if (message.type !== QUERY) return;
      const id = ++latest;
      let result = { items: [] };
      const query = typeof message.data === "string" ? message.data : "";
      if (fold(query.slice(0, 4 * MAX_QUERY)).s) {
        try {
          await load();
          if (id !== latest) return;
          result = engine.search(query);
        } catch (err) {
          console.warn("search:", err);
        }
      }
      if (id === latest) post({ type: RESULT, data: result });
    }

    return { load, onMessage };
  }

  const api = { SETUP, READY, QUERY, RESULT, SCORE, NGRAM, fold, parseDocNo, printedDocNos, parseQuery,
    createEngine, occurrences, serve };
  if (typeof module === "object" && module.exports) module.exports = api;
  else global.__compendiumSearchEngine = api;

})(typeof self !== "undefined" ? self : globalThis);
