"""Measure ways of segmenting Chinese for search on the evaluation set (hit@1, hit@5, time).

Runs tools/search_options.js (the site's search worker under Node, one strategy at a time)
against a built site's index and the queries of tests/search/search_queries.yml, segmenting with
jieba whatever the jieba strategies ask for:

    .venv/bin/python tools/search_options.py site/

The dictionary of the compilation's own terms ("dict") is: the short terms the text sets in
quotation marks (“两化融合”), the names of companies and groups (the word before 集团 or 公司
with it), and the terms that join digits or Latin letters to the Chinese word after them
(5G基站, 2500亿元, 3D打印), added to jieba's own.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from support.search_eval import load_queries  # noqa: E402

NODE_TOOL = ROOT / "tools" / "search_options.js"
_QUOTED = re.compile(r"[“\"]([^”\"]{2,10})[”\"]")
_COMPANY = {"集团", "公司", "有限公司", "有限责任公司", "股份有限公司"}
_ALNUM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+%\-]*$")
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")


def compilation_terms(index: dict, plain: jieba.Tokenizer) -> set[str]:
    """The compilation's own terms, from the index: quoted terms, companies, mixed terms."""
    terms: set[str] = set()
    for page in index["pages"]:
        for _anchor, title, text in page["s"]:
            for field in (title, text):
                terms.update(_QUOTED.findall(field))
                words = list(plain.cut(field))
                for a, b in zip(words, words[1:]):
                    if (_ALNUM.match(a) and _HAN.match(b)) or (_HAN.match(a) and b in _COMPANY):
                        terms.add(a + b)
    return {t for t in terms if 2 <= len(t) <= 16}


def load_index(site: Path) -> dict:
    """The index a build wrote (search/index.zh.js)."""
    script = (site / "search" / "index.zh.js").read_text(encoding="utf-8")
    return json.loads(script[script.index("=") + 1:].rstrip().rstrip(";"))


def segment_all(strings: list[str], tokenizers: dict[str, jieba.Tokenizer]) -> dict[str, dict[str, list[str]]]:
    """Each string cut by each tokenizer (default mode, as Material's search plugin cuts)."""
    return {name: {s: list(tok.cut(s)) for s in strings} for name, tok in tokenizers.items()}


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    index = load_index(site)
    plain = jieba.Tokenizer()
    own = jieba.Tokenizer()
    terms = compilation_terms(index, plain)
    for term in sorted(terms):
        own.add_word(term, freq=100_000)
    tokenizers = {"jieba": plain, "dict": own}
    queries = [{"q": q.q, "kind": q.kind, "expect": list(q.expect)} for q in load_queries()]
    strings = {text for page in index["pages"] for _a, title, text in page["s"] for text in (title, text)}
    strings |= {page["t"] for page in index["pages"]}
    with tempfile.TemporaryDirectory() as tmp:
        qfile, sfile = Path(tmp, "queries.json"), Path(tmp, "segments.json")
        qfile.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
        table = segment_all(sorted(strings), tokenizers)
        for _ in range(10):  # the worker asks for the words of query pieces as it meets them
            sfile.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
            out = subprocess.run(["node", str(NODE_TOOL), str(site / "search" / "index.zh.js"), str(qfile),
                                  str(sfile)], capture_output=True, text=True, check=True).stdout
            answer = json.loads(out.strip().splitlines()[-1])
            if "scores" in answer:
                break
            more = segment_all(answer["missing"], tokenizers)
            for name in table:
                table[name].update(more[name])
        else:
            print("segmentation did not settle", file=sys.stderr)
            return 1
    print(f"{len(queries)} queries; dictionary of {len(terms)} compilation terms")
    print(f"{'strategy':8} {'hit@1':>7} {'hit@5':>7} {'median':>8}   hit@1 by kind")
    for name, s in answer["scores"].items():
        kinds = "  ".join(f"{k} {v['hit1'] / v['n']:.0%}" for k, v in s["byKind"].items())
        print(f"{name:8} {s['hit1']:7.1%} {s['hit5']:7.1%} {s['median_ms']:6.2f}ms   {kinds}")
        if s["misses"]:
            print(f"{'':8} not first (rank): {', '.join(s['misses'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
