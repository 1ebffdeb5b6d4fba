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
    synonym: 0.9,       // factor of a match by a term's full form (data/search-synonyms.yml)
    fuzzy: 0.5,         // factor of a match with one character wrong
  };
  const MAX_QUERY = 64;        // folded characters of a query that are searched
  const MAX_LOOSE = 24;        // … and matched in pieces when not found as a whole
  const MIN_COVER = 0.7;       // share of a query a section must hold to match in pieces
  const MAX_FUZZY = 16;        // folded characters of a term matched with one character wrong
  const SNIPPET = 110;         // characters of a section's text shown under its title
  const MAX_SECTIONS = 10;     // sections shown per page
  const MAX_PAGES = 50;        // pages in a result

  /* --- folding: the same for index and query -------------------------------------------- */

  const KEEP = /[\p{L}\p{N}+%]/u;
  const DIGIT = /[0-9]/;

  /* Traditional → simplified characters (the index's `variants`, generated from OpenCC at build
     time), applied to index and query alike: 轉型升級 finds 转型升级, and a character valid in both
     forms folds the same on both sides. Set by createEngine before it folds the index. */
  let VARIANTS = new Map();
  let pagesByUrl = new Map();  // the engine's pages by URL (where answers find their snippets)

  function setVariants(v) {
    VARIANTS = new Map();
    const t = [...((v && v.t) || "")], s = [...((v && v.s) || "")];
    t.forEach((c, i) => { if (s[i]) VARIANTS.set(c, s[i]); });
  }

  /* Fold text; `from[i]`, `to[i]` are where folded character i came from in the text. */
  function fold(text) {
    let s = "", gap = -1;  // gap: where the characters dropped since the last one kept begin
    const from = [], to = [];
    const push = (c, a, b) => { s += c; from.push(a); to.push(b); };
    for (let i = 0; i < text.length;) {
      const cp = text.codePointAt(i);
      const n = cp > 0xffff ? 2 : 1;
      const ch = text.slice(i, i + n);
      const f = (cp >= 0x4e00 && cp <= 0x9fff) ? (VARIANTS.get(ch) || ch)
        : cp < 0x80 ? ch.toLowerCase() : ch.normalize("NFKC").toLowerCase();
      for (let c of f) {
        if (cp >= 0x80 && !(cp >= 0x4e00 && cp <= 0x9fff)) c = VARIANTS.get(c) || c;
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
    const q = [...query.normalize("NFKC")].map(c => VARIANTS.get(c) || c).join("");  // 國辦發…號
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
    const has = piece => section.ft.s.includes(piece) || section.fx.s.includes(piece);
    for (let i = 0; i < term.length;) {
      // The longest piece from i that occurs at all (a longer one cannot if a shorter does not),
      // then the longest of it that the strategy accepts.
      let j = i + 1;
      while (j < term.length && has(term.slice(i, j + 1))) j++;
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

  /*
   * An engine over one language's index ({pages: [{u, t, n, w, s: [[anchor, title, text]]}],
   * variants, synonyms, answers, places}; all but pages are optional).
   */
  function createEngine(data, strategy) {
    strategy = strategy || NGRAM;
    setVariants(data.variants);
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
    const synonyms = new Map();
    for (const [term, forms] of Object.entries(data.synonyms || {})) {
      const key = fold(term).s;
      if (key) synonyms.set(key, forms.map(f => fold(f).s).filter(Boolean));
    }
    const places = (data.places || []).map(p => fold(p).s).filter(p => p.length >= 2)
      .sort((a, b) => b.length - a.length);
    pagesByUrl = new Map(pages.map(p => [p.url, p]));
    // Every section's folded title and text in one string (title, \u0001, text, \u0002), so that
    // a term is looked for once in the whole index rather than section by section (locate).
    const flat = pages.flatMap(p => p.sections), starts = [], chunks = [];
    let length = 0;
    for (const section of flat) {
      starts.push(length);
      chunks.push(section.ft.s, "\u0001", section.fx.s, "\u0002");
      length += section.ft.s.length + section.fx.s.length + 2;
    }
    const engine = {
      pages, strategy, synonyms, places, variants: VARIANTS, byUrl: pagesByUrl, flat, starts, all: chunks.join(""),
      answers: prepareAnswers(data.answers, data.lang),
      search: query => search(engine, query),
    };
    return engine;
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
    return withParts({ text, typed, docNo: parseDocNo(text) }, [...typed.keys()]);
  }

  /* The query with these parts (and their whole). */
  function withParts(query, parts) {
    return { ...query, parts, whole: parts.join("").slice(0, MAX_QUERY) };
  }

  /* --- understanding: question words, places ------------------------------------------------- */

  /* Question words and particles, at the start or the end of a query (never inside a phrase). */
  const QUESTION_HEAD = ["什么是", "什么叫", "何为", "何谓", "如何", "怎样", "怎么", "为什么", "请问"];
  const QUESTION_TAIL = ["是什么意思", "什么意思", "是什么", "有哪些要求", "有什么要求", "有哪些", "有什么",
    "要达到多少", "达到多少", "是多少", "有多少", "多少", "怎么样", "怎么办", "怎样", "如何", "吗", "呢", "啊"];
  const QUESTION_HEAD_EN = new Set(["what", "whats", "is", "are", "was", "how", "many", "much", "does", "do", "which",
    "who", "why", "the", "a", "an"]);
  const QUESTION_TAIL_EN = new Set(["mean", "means", "meaning", "is", "are"]);

  /* A folded part without the question words at its edges (at least two characters are left). */
  function withoutQuestion(part) {
    for (let changed = true; changed;) {
      changed = false;
      for (const w of QUESTION_HEAD)
        if (part.startsWith(w) && part.length - w.length >= 2) { part = part.slice(w.length); changed = true; }
      for (const w of QUESTION_TAIL)
        if (part.endsWith(w) && part.length - w.length >= 2) { part = part.slice(0, -w.length); changed = true; }
    }
    return part;
  }

  /*
   * The parts of a query not found as typed, as the reader means them: question words dropped at
   * the edges (English ones as words of their own), and a part that starts or ends with a place
   * name searched as place and subject, so that the rarer (the subject) weighs most.
   */
  function understand(engine, query) {
    let parts = query.parts.slice();
    while (parts.length > 1 && QUESTION_HEAD_EN.has(parts[0])) parts.shift();
    while (parts.length > 1 && QUESTION_TAIL_EN.has(parts[parts.length - 1])) parts.pop();
    parts = parts.map(withoutQuestion);
    parts = parts.flatMap(part => {
      if (part.length < 4 || anywhere(engine, part)) return [part];
      for (const place of engine.places) {
        if (part.length - place.length < 2) continue;
        if (part.startsWith(place)) return [place, part.slice(place.length)];
        if (part.endsWith(place)) return [part.slice(0, -place.length), place];
      }
      return [part];
    });
    return [...new Set(parts.filter(Boolean))];
  }

  /* Whether a folded term occurs in any section (as the strategy accepts it). */
  function anywhere(engine, term) {
    if (!term) return false;
    for (let p = engine.all.indexOf(term); p >= 0; p = engine.all.indexOf(term, p + 1)) {
      const [section, field, aux, at] = locate(engine, p);
      if (engine.strategy.accepts(field, aux, at, at + term.length, term)) return true;
    }
    return false;
  }

  /* The section, field (folded title or text), its strategy data and the offset in it of a
     position in the engine's string of all sections. */
  function locate(engine, p) {
    let lo = 0, hi = engine.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (engine.starts[mid] <= p) lo = mid; else hi = mid - 1;
    }
    const section = engine.flat[lo], off = p - engine.starts[lo];
    return off <= section.ft.s.length ? [section, section.ft.s, section.auxTitle, off, true]
      : [section, section.fx.s, section.auxText, off - section.ft.s.length - 1, false];
  }

  /* A term and what else stands for it: its full forms (data/search-synonyms.yml) when it is an
     abbreviation, or holds one and is not found as typed. [[folded, factor]] */
  function alternatives(engine, term) {
    const alts = [[term, 1]];
    let found = null;
    for (const [key, forms] of engine.synonyms) {
      if (term === key) forms.forEach(f => alts.push([f, SCORE.synonym]));
      else if (term.length > key.length && term.includes(key)) {
        if (found === null) found = anywhere(engine, term);
        if (!found) forms.forEach(f => alts.push([term.replace(key, f), SCORE.synonym]));
      }
    }
    return alts;
  }

  /* The result for a query: groups of items, best page first (a target row first when the query
     names an indicator of the target table). */
  function search(engine, raw) {
    let query = parseQuery(raw);
    if (!query.whole) return { items: [] };
    let found = matchAll(engine, query);
    if (!found.exact) {
      const parts = understand(engine, query);
      if (parts.length && parts.join("|") !== query.parts.join("|")) {
        const understood = withParts(query, parts);
        const again = matchAll(engine, understood);
        // As understood, when that finds every term on a page, or the query as typed was found
        // nowhere, or only in pieces where each term understood is found somewhere.
        if (again.matches.size && (again.exact || !found.matches.size || (found.pieces && !again.pieces && again.all))) {
          query = understood;
          found = again;
        }
      }
    }
    const items = rank(engine, found.matches, found.terms, query.typed);
    return { items: withAnswers(engine, raw, items) };
  }

  /* Every way the query matches: its terms as typed (with their synonyms), a 文号, then, for a term
     found nowhere, one wrong character, and for a query found nowhere, its longest pieces. */
  function matchAll(engine, query) {
    const { pages, strategy } = engine;
    const terms = query.parts.length > 1 ? query.parts : [query.whole];
    const matches = new Matches();
    const unfound = matchTerms(matches, engine, query, terms);
    if (query.docNo) matchDocNo(matches, pages, query.docNo, terms);
    const exact = [...matches.values()].some(m => terms.every(t => m.found.has(t)));
    if (!exact)
      for (const term of unfound) matchFuzzy(matches, engine, term);
    const pieces = !matches.size && query.whole.length >= 2;
    if (pieces)
      for (const [whole] of alternatives(engine, query.whole))
        matchPieces(matches, engine, whole, terms);
    const all = terms.every(t => [...matches.values()].some(m => m.found.has(t)));
    return { matches, terms, exact, pieces, all };
  }

  /* What matched: page → {sections: Map(section → hit), found: Set(term), bonus}. A hit's score is
     `score` (文号, pieces) plus, per term, `byTerm` weighed by the term's rarity (rank). */
  class Matches extends Map {
    /* The page's match and the section's hit, created empty on first use. */
    of(section) {
      let m = this.get(section.page);
      if (!m) this.set(section.page, m = { sections: new Map(), found: new Set(), bonus: 0 });
      let h = m.sections.get(section);
      if (!h) m.sections.set(section, h = { score: 0, byTerm: new Map(), titleSpans: [], textSpans: [], terms: new Set() });
      return [m, h];
    }
  }

  /* 1. The terms (and, of several, the whole typed together) where they occur, each also by its
     synonyms; the terms found nowhere. */
  function matchTerms(matches, engine, query, terms) {
    const { pages, strategy } = engine;
    const wanted = terms.length > 1 ? [...terms, query.whole] : terms;
    const alts = wanted.map(t => alternatives(engine, t));
    const seen = new Set();
    for (const page of pages)
      for (const section of page.sections)
        wanted.forEach((term, k) => {
          let best = 0, inTitle = [], inText = [];
          for (const [alt, factor] of alts[k]) {
            const t = occurrences(section.ft.s, section.auxTitle, alt, strategy);
            const x = occurrences(section.fx.s, section.auxText, alt, strategy);
            const count = t.length + x.length;
            if (!count) continue;
            let score = SCORE.mention * (1 + Math.log2(count));
            if (t.length) {
              score += section.anchor === "" ? SCORE.pageTitle : SCORE.heading;
              if (section.anchor === "" && section.ft.s === alt) score += SCORE.sameTitle;
            }
            best = Math.max(best, score * factor);
            inTitle = inTitle.concat(t);
            inText = inText.concat(x);
          }
          if (!best) return;
          const [m, h] = matches.of(section);
          if (terms.includes(term)) { m.found.add(term); seen.add(term); }
          h.byTerm.set(term, (h.byTerm.get(term) || 0) + best);
          h.titleSpans.push(...inTitle);
          h.textSpans.push(...inText);
          h.terms.add(spell(section, inTitle, inText));
        });
    return terms.filter(t => !seen.has(t));
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

  /*
   * 3. A term of four or more characters (Chinese) found nowhere: where it occurs with one character
   * wrong (a homophone, a slip of memory: 楚天磁都 → 楚天瓷都), ranked below exact matches. Digits
   * are never the wrong character (2700亿元 is not 2500亿元).
   */
  function matchFuzzy(matches, engine, term) {
    const chars = [...term];
    if (chars.length < 4 || chars.length > MAX_FUZZY || !/\p{sc=Han}/u.test(term)) return false;
    const esc = c => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const alts = [];
    chars.forEach((c, i) => {
      if (!DIGIT.test(c))
        alts.push(chars.slice(0, i).map(esc).join("") + "[^\\s0-9\\u0001\\u0002]" + chars.slice(i + 1).map(esc).join(""));
    });
    if (!alts.length) return false;
    const pattern = new RegExp(alts.join("|"), "gu");  // over all sections at once (not across them)
    const found = new Map();  // section → [title spans, text spans]
    for (let m; (m = pattern.exec(engine.all));) {
      const [section, field, aux, at, inTitle] = locate(engine, m.index);
      pattern.lastIndex = m.index + 1;
      if (!engine.strategy.accepts(field, aux, at, at + m[0].length)) continue;
      let spans = found.get(section);
      if (!spans) found.set(section, spans = [[], []]);
      spans[inTitle ? 0 : 1].push([at, at + m[0].length]);
    }
    for (const [section, [inTitle, inText]] of found) {
      const [m, h] = matches.of(section);
      m.found.add(term);
      let score = SCORE.mention * (1 + Math.log2(inTitle.length + inText.length));
      if (inTitle.length) score += section.anchor === "" ? SCORE.pageTitle : SCORE.heading;
      h.byTerm.set(term, (h.byTerm.get(term) || 0) + score * SCORE.fuzzy);
      h.titleSpans.push(...inTitle);
      h.textSpans.push(...inText);
      h.terms.add(spell(section, inTitle, inText));
    }
    return found.size > 0;
  }

  /* 4. Found nowhere as a whole: the longest pieces of the query that a section holds. */
  function matchPieces(matches, engine, whole, terms) {
    const { strategy } = engine;
    const term = whole.slice(0, MAX_LOOSE);
    for (const section of strategy.pieces ? engine.flat : mayCover(engine, term)) {
        const pieces = cover(term, section, strategy);
        const share = pieces.reduce((n, p) => n + p.length, 0) / term.length;
        if (share < MIN_COVER) continue;
        const [m, h] = matches.of(section);
        terms.forEach(t => m.found.add(t));
        const score = (section.anchor === "" ? SCORE.looseTitle * titleShare(section, pieces, strategy) : 0) +
          SCORE.loose * share ** 3;
        if (h.loose === undefined || score > h.loose) { h.score += score - (h.loose || 0); h.loose = score; }
        for (const piece of new Set(pieces)) {
          const inTitle = occurrences(section.ft.s, section.auxTitle, piece, strategy);
          const inText = occurrences(section.fx.s, section.auxText, piece, strategy);
          h.titleSpans.push(...inTitle);
          h.textSpans.push(...inText);
          if (inTitle.length || inText.length) h.terms.add(spell(section, inTitle, inText));
        }
    }
  }

  /* The sections that may hold MIN_COVER of a term in pieces of two or more characters: those
     whose title or text hold enough of its two-character pieces (found once in all sections). */
  function mayCover(engine, term) {
    const masks = new Map(), at = new Map();  // at: two characters → where they are in the query
    for (let k = 0; k + 2 <= term.length; k++) {
      const two = term.slice(k, k + 2);
      if (!at.has(two)) at.set(two, []);
      at.get(two).push(k);
    }
    for (const [two, ks] of at)
      for (let p = engine.all.indexOf(two); p >= 0; p = engine.all.indexOf(two, p + 1)) {
        const section = locate(engine, p)[0];
        let mask = masks.get(section);
        if (!mask) masks.set(section, mask = new Uint8Array(term.length));
        for (const k of ks) mask[k] = mask[k + 1] = 1;
      }
    const out = [];
    for (const [section, mask] of masks)
      if (mask.reduce((a, b) => a + b, 0) >= MIN_COVER * term.length) out.push(section);
    return out.sort((a, b) => a.page.order - b.page.order);
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

  /*
   * How much each term weighs: the rarer (the fewer pages hold it), the more (the log of the
   * pages over those that hold it), scaled so that the terms weigh 1 on average: a query of one
   * term scores as before, and of a place and a subject, the subject counts most.
   */
  function weights(engine, matches, terms) {
    const n = engine.pages.length;
    const raw = new Map();
    for (const t of terms) {
      let df = 0;
      for (const m of matches.values()) if (m.found.has(t)) df++;
      raw.set(t, Math.log(1 + n / Math.max(1, df)));
    }
    const mean = [...raw.values()].reduce((a, b) => a + b, 0) / (raw.size || 1) || 1;
    const w = new Map([...raw].map(([t, v]) => [t, v / mean]));
    return t => w.has(t) ? w.get(t) : Math.max(1, ...w.values());  // the whole of several: the most
  }

  /* Pages by score (ties in book order), each as Material's group of items. */
  function rank(engine, matches, terms, typed) {
    const weigh = weights(engine, matches, terms);
    const total = terms.reduce((n, t) => n + weigh(t), 0) || 1;
    const scored = [];
    for (const [page, m] of matches) {
      for (const h of m.sections.values()) {
        h.final = h.score;
        let held = 0;
        for (const [t, v] of h.byTerm) {
          h.final += weigh(t) * v;
          if (terms.includes(t)) held += weigh(t);
        }
        // Within the page, a section that holds the rarer terms comes first (the subject's
        // section before the page title that names the place).
        h.order = h.final * (h.byTerm.size ? Math.min(1, held / total) : 1) ** 2;
      }
      const hitsOf = [...m.sections.entries()].sort((a, b) => b[1].order - a[1].order);
      const best = Math.max(...hitsOf.map(([, h]) => h.final));
      const more = Math.min(20, SCORE.moreSections * (hitsOf.length - 1));
      const complete = (terms.filter(t => m.found.has(t)).reduce((n, t) => n + weigh(t), 0) / total) ** 2;
      scored.push({ page, m, hitsOf, score: ((best + more) * page.weight + m.bonus) * complete });
    }
    scored.sort((a, b) => b.score - a.score || a.page.order - b.page.order);
    return scored.slice(0, MAX_PAGES).map(({ page, m, hitsOf, score }) => {
      const missing = terms.filter(t => !m.found.has(t)).map(t => typed.get(t) || t);
      // Sections score in proportion to the best (which carries the page's score): Material
      // shows those level with the first, and folds the others under "more on this page".
      const best = Math.max(...hitsOf.map(([, h]) => h.final)) || 1;
      const items = hitsOf.slice(0, MAX_SECTIONS).map(([section, h]) =>
        item(section, h, score * h.final / best, missing));
      if (!hitsOf.some(([section]) => section.anchor === ""))
        items.push(item(page.sections[0], null, 0, missing));
      const all = new Set(hitsOf.flatMap(([, h]) => [...h.terms]));
      for (const it of items) if (it.location === page.url) it.terms = termsOf(all, missing);
      return items;
    });
  }

  /* One item of Material's result: a section matched only in its title shows the start of its text. */
  function item(section, hit, score, missing) {
    const location = section.anchor ? `${section.page.url}#${section.anchor}` : section.page.url;
    let text = "";
    if (hit && hit.textSpans.length) text = `<p>${marked(section.text, section.fx, hit.textSpans, SNIPPET)}</p>`;
    else if (hit && section.text) text = `<p>${marked(section.text, section.fx, [], SNIPPET)}</p>`;
    return {
      location,
      title: marked(section.title, section.ft, hit ? hit.titleSpans : [], Infinity),
      text,
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

  /*
   * HTML of the text with <mark> around the spans, cut to about `width` characters around the
   * first. Spans that overlap or touch (nothing but spaces and punctuation between them) are one
   * mark: a phrase found by its pieces, or as a whole and by its parts, is highlighted once.
   */
  function marked(text, field, spans, width) {
    const ranges = [];
    for (const [a, b] of spans.map(([x, y]) => [field.from[x], field.to[y - 1]]).sort((x, y) => x[0] - y[0])) {
      const last = ranges[ranges.length - 1];
      if (last && (a <= last[1] || !/[\p{L}\p{N}]/u.test(text.slice(last[1], a)))) last[1] = Math.max(last[1], b);
      else ranges.push([a, b]);
    }
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

  /* --- answers with the figure: rows of the target table ------------------------------------- */

  /* The index's `answers` (compendium/search/answers.py: scopes {id: [label, names…]}, indicators,
     sentences, rows [[sector, id, indicator, scope, year, value, page, anchor, sentence]]) as rows
     with their URLs, title and snippet, and the scope names, folded for matching. */
  function prepareAnswers(answers, lang) {
    if (!answers || !answers.rows) return null;
    const prefix = lang === "en" ? "en/" : "";
    const scopes = [], labels = {};
    for (const [id, names] of Object.entries(answers.scopes || {})) {
      labels[id] = names[0];
      for (const name of names) { const f = fold(name).s; if (f) scopes.push([f, id]); }
    }
    scopes.sort((a, b) => b[0].length - a[0].length);
    const ids = answers.rows.map(r => r[1]);
    const rows = answers.rows.map(([sector, id, i, scope, year, value, page, anchor, k], order) => {
      const indicator = answers.indicators[i], where = labels[scope] || scope;
      const title = lang === "en" ? `${indicator}: ${value} (${where}${year ? `, ${year}` : ""})`
        : `${indicator}：${value}（${where}${year ? `，${year}年` : ""}）`;
      const sentence = typeof anchor === "number" ? `t-${ids[anchor]}` : anchor || `t-${id}`;
      const doc = pagesByUrl.get(prefix + page);
      // The English index holds no Chinese: there the snippet names the document that sets the target.
      const snippet = k === null || k === undefined ? (doc ? `Set in: ${doc.title}` : "")
        : snippetOf(answers.sentences[k], prefix + page);
      return { url: `${prefix}targets/${sector}.html#${id}`, doc: `${prefix}${page}#${sentence}`, title,
        indicator: fold(indicator).s, scope, year, sentence: snippet, order };
    });
    return { scopes, rows };
  }

  /* A row's snippet: its words, or [section, start, length] of them in its page's text, cut
     where the sentence goes on. */
  function snippetOf(snippet, url) {
    if (!Array.isArray(snippet)) return snippet || "";
    const page = pagesByUrl.get(url), section = page && page.sections[snippet[0]];
    if (!section) return "";
    const [, start, length] = snippet, text = section.text;
    const before = start > 0 && !/[。；！？\n]/.test(text[start - 1]), after = start + length < text.length &&
      !/[。；！？\n]/.test(text[start + length - 1]);
    return (before ? "…" : "") + text.slice(start, start + length) + (after ? "…" : "");
  }

  const YEAR = /(?:到|至|在)?((?:19|20)\d\d)(?:年底|年末|年前|年)?/;

  /*
   * The rows a query asks for: what is left of it without question words, a year and a scope
   * names an indicator (quality 3: the whole of it; 2: the query holds it; 1: of four characters
   * or more, half of it or more); rows of that scope and year first. {rows, quality}: at most two
   * rows, one where the indicator is named only in part.
   */
  function answerRows(engine, raw) {
    const answers = engine.answers, none = { rows: [], quality: 0 };
    if (!answers) return none;
    let q = fold(String(raw).slice(0, 4 * MAX_QUERY)).s.replace(/ /g, "");
    if (q.length < 2 || q.length > MAX_QUERY) return none;
    const words = String(raw).toLowerCase().split(/\s+/).filter(Boolean);
    while (words.length > 1 && QUESTION_HEAD_EN.has(words[0])) q = q.slice(words.shift().length);
    q = withoutQuestion(q);
    let year = null;
    const y = YEAR.exec(q);
    if (y && !/\d/.test(q[y.index + y[0].length] || "") && !/\d/.test(q[y.index - 1] || "")) {
      year = +y[1];
      q = q.slice(0, y.index) + q.slice(y.index + y[0].length);
    }
    const bare = s => withoutQuestion(s.replace(/^(到|至|的)|(的|目标|指标|任务)$/g, ""));
    let found = indicatorRows(answers, bare(q)), scope = null;
    for (const [name, id] of answers.scopes) {
      const at = q.indexOf(name);
      if (at < 0 || q.length - name.length < 2) continue;
      const rest = indicatorRows(answers, bare(q.slice(0, at) + q.slice(at + name.length)));
      if (rest.quality >= found.quality) { found = rest; scope = id; }
      break;
    }
    let rows = found.rows;
    if (scope) rows = rows.filter(r => r.scope === scope);
    const rankOf = r => (year && r.year === year ? 0 : year ? 2 + Math.abs((r.year || 9999) - year) / 100 : 1);
    rows.sort((a, b) => rankOf(a) - rankOf(b) || a.order - b.order);
    if (year && rows.some(r => r.year === year)) rows = rows.filter(r => r.year === year);
    return { rows: rows.slice(0, found.quality === 3 ? 2 : 1), quality: found.quality };
  }

  /* The rows whose indicator the (bare) query names best, and how well. */
  function indicatorRows(answers, q) {
    let quality = 0, rows = [];
    if (q.length < 2) return { rows, quality };
    for (const row of answers.rows) {
      const i = row.indicator;
      const k = i === q ? 3
        : q.includes(i) && i.length >= 4 && i.length / q.length >= 0.6 ? 2
          : i.includes(q) && q.length >= 4 && q.length / i.length >= 0.5 ? 1 : 0;
      if (k > quality) { quality = k; rows = []; }
      if (k && k === quality) rows.push(row);
    }
    return { rows, quality };
  }

  /* The result's groups with the rows a query asks for first, and each row's document among the
     next results (its sentence, linked, as the snippet, if the search did not find it). */
  function withAnswers(engine, raw, groups) {
    const { rows, quality } = answerRows(engine, raw);
    if (!rows.length) return groups;
    const top = groups.length ? groups[0][0].score : 0;
    // An indicator named only in part by a page's title (医药产业): that page first, the row next.
    const titled = quality < 3 && groups.length > 0 && groups[0][0].title.includes("<mark>");
    const answers = rows.map((row, k) => [{
      location: row.url,
      title: escapeHTML(row.title),
      text: `<p>${escapeHTML(row.sentence)}</p>`,
      score: Math.round((top + 100 - k) * 100) / 100,
      terms: {},
    }]);
    const lead = titled ? groups.slice(0, 1) : [];
    const rest = groups.slice(lead.length);
    const pageOf = url => url.split("#")[0];
    for (const row of rows.slice().reverse()) {
      if (lead.some(g => pageOf(g[0].location) === pageOf(row.doc))) continue;
      const at = rest.findIndex(g => pageOf(g[0].location) === pageOf(row.doc));
      if (at >= 0 && at < 3) continue;
      const page = engine.byUrl.get(pageOf(row.doc));
      const group = at >= 0 ? rest.splice(at, 1)[0] : page ? [{
        location: row.doc, title: escapeHTML(page.title), text: `<p>${escapeHTML(row.sentence)}</p>`,
        score: top, terms: {},
      }] : null;
      if (group) rest.unshift(group);
    }
    return lead.concat(answers, rest).slice(0, MAX_PAGES);
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
    createEngine, occurrences, serve, withoutQuestion };
  if (typeof module === "object" && module.exports) module.exports = api;
  else global.__compendiumSearchEngine = api;

})(typeof self !== "undefined" ? self : globalThis);
