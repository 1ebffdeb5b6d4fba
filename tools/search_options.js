/*
 * Measures ways of matching Chinese queries against the site's search index on the evaluation
 * set, with the search worker's own folding, 文号 handling and ranking; only the strategy that
 * decides where a term may match and how a query falls apart differs:
 *
 *   ngram   character n-grams (the site's): a term matches wherever it occurs
 *   intl    one segmenter on both sides: the browser's Intl.Segmenter (ICU's dictionary)
 *   jieba   one segmenter on both sides: jieba, as Material's search plugin uses it
 *   dict    jieba with a dictionary of the compilation's own terms, on both sides
 *
 * With a segmenter, a term matches only where its words are words of the text too, and a query
 * found nowhere as a whole falls apart into its words. Run by tools/search_options.py, which
 * segments with jieba (Python) what this script asks for:
 *
 *   node tools/search_options.js INDEX.js QUERIES.json SEGMENTS.json
 *
 * prints a JSON line {"missing": [...]} (strings still to segment) or {"scores": {...}}.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const worker = require(path.join(__dirname, "..", "docs", "assets", "javascripts", "search-engine.js"));

const [indexFile, queriesFile, segmentsFile] = process.argv.slice(2);
global.self = global;
require(path.resolve(indexFile));
const index = global.__compendiumSearchIndex;
const queries = JSON.parse(fs.readFileSync(queriesFile, "utf-8"));
const segments = segmentsFile && fs.existsSync(segmentsFile)
  ? JSON.parse(fs.readFileSync(segmentsFile, "utf-8")) : {};

/* A strategy from a segmenter (text → its words, in order, covering it). */
function segmented(name, segment) {
  const wordsOf = text => segment(text);
  return {
    name,
    prepare(text, folded) {
      const starts = new Set(), ends = new Set();
      let at = 0;
      for (const word of wordsOf(text)) {
        starts.add(at);
        at += word.length;
        ends.add(at);
      }
      const aux = new Set([0, folded.s.length]);
      folded.from.forEach((o, i) => { if (starts.has(o)) aux.add(i); });
      folded.to.forEach((o, i) => { if (ends.has(o)) aux.add(i + 1); });
      return aux;
    },
    /* The words of the term are the words of the text there: the same boundaries, no other. */
    accepts(field, aux, start, end, term) {
      if (!worker.NGRAM.accepts(field, aux, start, end)) return false;
      const inner = new Set();
      let at = start;
      for (const word of wordsOf(term)) inner.add(at += word.length);
      if (!aux.has(start) || !aux.has(end)) return false;
      for (let i = start + 1; i < end; i++) if (aux.has(i) !== inner.has(i)) return false;
      return true;
    },
    pieces(term) {
      return wordsOf(term).filter(w => w.length >= 1);
    },
  };
}

/* A segmenter read from tools/search_options.py's segmentation; unknown strings are recorded. */
const missing = new Set();
function fromTable(table) {
  return text => {
    const words = table[text];
    if (words) return words;
    missing.add(text);
    return [...text];
  };
}

const intl = new Intl.Segmenter("zh", { granularity: "word" });
const strategies = [
  worker.NGRAM,
  segmented("intl", text => [...intl.segment(text)].map(s => s.segment)),
  segmented("jieba", fromTable(segments.jieba || {})),
  segmented("dict", fromTable(segments.dict || {})),
];

/* hit@1, hit@5 and the median time of a query, for one strategy. */
function evaluate(strategy) {
  const engine = worker.createEngine(index, strategy);
  let hit1 = 0, hit5 = 0;
  const times = [], byKind = {}, misses = [];
  for (const q of queries) {
    const started = process.hrtime.bigint();
    const groups = engine.search(q.q).items;
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    const pages = groups.map(g => g[0].location.split("#")[0]);
    const rank = pages.findIndex(p => q.expect.includes(p)) + 1;
    const kind = byKind[q.kind] = byKind[q.kind] || { n: 0, hit1: 0, hit5: 0 };
    kind.n++;
    if (rank === 1) { hit1++; kind.hit1++; }
    if (rank >= 1 && rank <= 5) { hit5++; kind.hit5++; }
    if (rank !== 1) misses.push(`${q.q} (${rank || "-"})`);
  }
  times.sort((a, b) => a - b);
  return { hit1: hit1 / queries.length, hit5: hit5 / queries.length, median_ms: times[times.length >> 1], byKind, misses };
}

const scores = {};
for (const strategy of strategies) scores[strategy.name] = evaluate(strategy);
console.log(JSON.stringify(missing.size ? { missing: [...missing] } : { scores }));
