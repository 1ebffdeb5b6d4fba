"""The indexes in the built site as readers and scripts meet them: every part-1 remark on the
timeline, repeated remarks judged, citations linked both ways, every link of the generated parts
leading to its anchor, the published data valid; bad index data stops the build; the generated
pages come in both languages."""
from __future__ import annotations

import difflib
import json
import re
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from compendium.book.pages import load_documents
from compendium.book.vocabulary import load_vocabulary

from support.project import ROOT, edit, line_of, run_mkdocs_build

PART1 = ("part1/on-high-quality-development.html", "part1/on-transformation-development.html")
PART4 = ["part4/li-mingbo-speech.html", "part4/party-congress-3-2007.html", "part4/party-congress-4-2011.html",
         "part4/party-congress-5-2016.html", "part4/plenum-5-4-decision-2018.html", "part4/plenum-5-6-communique-2019.html"]


@pytest.fixture(scope="module")
def documents():
    return load_documents(ROOT / "docs", load_vocabulary())


@cache
def _soup(path: str) -> BeautifulSoup:
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def soup(site: Path, rel: str) -> BeautifulSoup:
    return _soup(str(site / rel))


def article(site: Path, rel: str):
    return soup(site, rel).select_one("article")


def json_data(site: Path, name: str):
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


def remarks(site: Path, pages=PART1) -> dict[str, object]:
    """page#id → the remark's figure, in book order."""
    return {f"{rel}#{fig['id']}": fig for rel in pages for fig in article(site, rel).select("figure.remark")}


def judged() -> list[dict]:
    return yaml.safe_load((ROOT / "data" / "remark-duplicates.yml").read_text(encoding="utf-8"))


def html_key(key: str) -> str:
    """part1/x.md#r-1 → part1/x.html#r-1."""
    page, anchor = key.split("#")
    return f"{page[:-3]}.html#{anchor}"


# --- the timeline ----------------------------------------------------------------------------


def test_the_timeline_holds_all_48_part1_attributions_in_date_order(site):
    figures = remarks(site)
    assert len(figures) == 48
    timeline = article(site, "indexes/timeline.html")
    linked = {}
    for a in timeline.select(".timeline a[href]"):
        linked[urljoin("indexes/timeline.html", a["href"])] = a.find_parent(class_="tl-entry")
    assert set(linked) == set(figures), "every part-1 remark, and nothing else, is linked"
    for key, fig in figures.items():
        caption = fig.figcaption.get_text()
        date = re.search(r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?", caption).group(0)
        assert date in linked[key].select_one(".tl-when").get_text() or date in linked[key].get_text(), key
    starts = [e.select_one(".tl-date").get_text() for e in timeline.select(".tl-entry")]
    keys = [tuple(int(x) for x in re.findall(r"\d+", s)[:3]) + (0,) * (3 - len(re.findall(r"\d+", s)[:3]))
            for s in starts]
    assert keys == sorted(keys), "entries in date order, a month or a year at its start"
    years = [h.get_text(strip=True).rstrip("¶") for h in timeline.select("h2")]
    assert years == sorted(years) and all(re.fullmatch(r"\d{4}年", y) for y in years)


def test_a_repeated_remark_is_one_entry_and_each_place_says_where_else_it_stands(site):
    figures = remarks(site)
    timeline = article(site, "indexes/timeline.html")
    same = [j["remarks"] for j in judged() if j["same"]]
    # Entries: one per group of remarks judged the same.
    parent = {k: k for k in figures}
    for a, b in same:
        ra, rb = html_key(a), html_key(b)
        while parent[ra] != ra:
            ra = parent[ra]
        while parent[rb] != rb:
            rb = parent[rb]
        parent[rb] = ra
    groups = {}
    for k in figures:
        r = k
        while parent[r] != r:
            r = parent[r]
        groups.setdefault(r, set()).add(k)
    assert len(timeline.select(".tl-entry")) == len(groups) < 48
    for members in (g for g in groups.values() if len(g) > 1):
        entries = {id(urljoin_entry(timeline, k)) for k in members}
        assert len(entries) == 1, f"{members} are one entry"
        for k in members:
            rel, anchor = k.split("#")
            note = figures[k].find_next_sibling()
            assert "remark-also" in note["class"] and "generated" in note["class"], k
            targets = {urljoin(rel, a["href"]) for a in note.select("a[href]")}
            assert targets == members - {k}, k
    # r-20140510 stands on both part-1 pages.
    assert {k for k in figures if k.endswith("#r-20140510")} == {f"{p}#r-20140510" for p in PART1}


def urljoin_entry(timeline, key: str):
    return next(a.find_parent(class_="tl-entry") for a in timeline.select(".timeline a[href]")
                if urljoin("indexes/timeline.html", a["href"]) == key)


def test_every_close_pair_of_remarks_is_judged(site, capsys):
    # Independent of the build's own check: difflib on the texts as built, punctuation removed.
    texts = {k: re.sub(r"[\W_]+", "", fig.blockquote.get_text()) for k, fig in remarks(site, PART1 + tuple(PART4)).items()}
    keys = list(texts)
    pairs = []
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            ratio = difflib.SequenceMatcher(None, texts[a], texts[b], autojunk=False).ratio()
            if ratio >= 0.8 or texts[a] in texts[b] or texts[b] in texts[a]:
                pairs.append((a, b, round(ratio, 3)))
    judged_pairs = {frozenset(html_key(k) for k in j["remarks"]) for j in judged()}
    with capsys.disabled():
        print("\nclose pairs of remarks:\n" + "\n".join(f"  {a} ~ {b} ({r})" for a, b, r in pairs))
    unjudged = [p for p in pairs if frozenset(p[:2]) not in judged_pairs]
    assert pairs and not unjudged, f"judge these in data/remark-duplicates.yml: {unjudged}"


def test_part4_has_its_own_timeline_with_the_undated_source_last(site):
    page = article(site, "indexes/xianning-timeline.html")
    entries = page.select(".tl-entry")
    links = [urljoin("indexes/xianning-timeline.html", e.select_one("a[href]")["href"]).split("#")[0] for e in entries]
    assert sorted(links) == sorted(PART4)
    assert links[-1] == "part4/li-mingbo-speech.html"
    assert entries[-1].select_one(".tl-date").get_text() == "未注明日期"
    years = [int(e.select_one(".tl-date").get_text()[:4]) for e in entries[:-1]]
    assert years == sorted(years)


# --- citations -------------------------------------------------------------------------------


def body_text(site: Path, rel: str) -> str:
    """A document page's body text: without its own 文号 line, attributions and generated parts."""
    copy = BeautifulSoup(str(article(site, rel)), "html.parser")
    for el in copy.select(".generated, .editorial, .doc-no, figcaption, .headerlink, h1"):
        el.decompose()
    return copy.get_text()


def test_every_doc_no_and_title_cited_in_body_text_is_in_the_citation_data(site, documents):
    cited = json_data(site, "citations.json")
    numbers = {c["doc_no"] for c in cited if c["doc_no"]}
    titles = {c["title"] for c in cited if c["title"]}
    seen_numbers = 0
    for d in documents:
        text = body_text(site, d.url)
        for m in re.finditer(r"〔\d{4}〕\d+号", text):
            seen_numbers += 1
            assert any(text[:m.end()].endswith(n) for n in numbers), (d.url, text[m.start() - 8:m.end()])
        for title in re.findall(r"《([^《》]+)》", text):
            assert title in titles or title == d.meta.title, (d.url, title)
    assert seen_numbers >= 2 and len(cited) >= 20


def test_a_cited_compilation_document_is_linked_from_the_text_and_lists_who_cites_it(site):
    citing = article(site, "part4/party-congress-5-2016.html")
    link = citing.select_one('a[href="../part5/made-in-china-2025-xianning.html"]')
    assert link.get_text() == "《中国制造2025咸宁行动方案》"
    paragraph = link.find_parent("p")
    cited = article(site, "part5/made-in-china-2025-xianning.html")
    section = cited.select(".generated.cited-by")
    assert len(section) == 1 and section[0].select_one("h2")["id"] == "cited-by"
    assert [a["href"] for a in section[0].select("li a")] == [f"../part4/party-congress-5-2016.html#{paragraph['id']}"]
    data = next(c for c in json_data(site, "citations.json") if c["in_compilation"])
    assert data["url"] == "part5/made-in-china-2025-xianning.html"
    assert data["cited_by"][0]["url"] == f"part4/party-congress-5-2016.html#{paragraph['id']}"


# --- links and anchors -----------------------------------------------------------------------


def generated_links(site: Path) -> list[tuple[str, str]]:
    """(page, href) of every link the indexes write: their pages, and what they add to documents."""
    out = []
    for html in sorted((site / "indexes").rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        out += [(rel, a["href"]) for a in article(site, rel).select("a[href]")]
    for html in sorted(site.glob("part*/*.html")):
        rel = html.relative_to(site).as_posix()
        for a in article(site, rel).select(".remark-also a[href], .cited-by a[href], p a[href$='.html']"):
            out.append((rel, a["href"]))
    return out


def test_every_link_of_the_generated_pages_finds_its_anchor(site):
    links = generated_links(site)
    assert len(links) > 150
    for page, href in links:
        parts = urlsplit(href)
        if parts.scheme or href.startswith("#") and not parts.fragment:
            continue
        target = urljoin(page, parts.path) if parts.path else page
        assert (site / target).is_file(), f"{page}: {href} leads nowhere"
        if parts.fragment and target.endswith(".html"):
            ids = {el["id"] for el in soup(site, target).select("[id]")}
            assert parts.fragment in ids, f"{page}: {href} has no anchor in {target}"


def test_the_indexes_have_their_place_in_the_navigation_and_on_the_home_page(site):
    nav = soup(site, "index.html").select_one(".md-nav--primary")
    labels = [a.get_text(" ", strip=True) for a in nav.select("a")]
    assert "论述时间线" in labels and "文件索引" in labels and "引用关系" in labels
    home = [a["href"] for a in article(site, "index.html").select("a[href]")]
    assert {"indexes/timeline.html", "indexes/documents.html", "indexes/citations.html",
            "indexes/topics/index.html"} <= set(home)


def test_the_document_index_lists_every_document_by_level_issuer_and_year(site, documents):
    page = article(site, "indexes/documents.html")
    vocab = load_vocabulary()
    levels = [h.get_text(strip=True).rstrip("¶") for h in page.select("h3[id^=level-]")]
    assert levels == [t.zh for t in vocab.levels.values()]
    for part in ("by-level", "by-issuer", "by-year"):
        section = page.select_one(f"#{part}")
        assert section is not None
    hrefs = [urljoin("indexes/documents.html", a["href"]) for a in page.select(".doc-index a")]
    assert sorted(set(hrefs)) == sorted(d.url for d in documents)
    assert hrefs.count("part2/5g-development.html") >= 3  # by level, by issuer, by year
    for d in documents:
        if d.meta.doc_no:
            assert d.meta.doc_no in page.get_text(), d.meta.doc_no


def test_each_topic_page_sets_verbatim_passages_side_by_side(site, documents):
    vocab = load_vocabulary()
    total = 0
    for topic in vocab.topics:
        page = article(site, f"indexes/topics/{topic}.html")
        cards = page.select(".topic-passage")
        assert cards, topic
        total += len(cards)
        for card in cards:
            href = card.select_one(".tp-source a")["href"]
            target, anchor = urljoin(f"indexes/topics/{topic}.html", href).split("#")
            passage = soup(site, target).find(id=anchor)
            shown = card.select_one(".tp-text").get_text().strip("“”").removesuffix("……")
            assert re.sub(r"\s", "", shown) in re.sub(r"\s", "", passage.get_text()), (topic, href)
    assert total >= 10


# --- published data --------------------------------------------------------------------------


STR, INT, NULL_STR = {"type": "string"}, {"type": "integer"}, {"type": ["string", "null"]}
URL = {"type": "string", "pattern": r"^part[1-5]/[a-z0-9-]+\.html$"}
ANCHORED = {"type": "string", "pattern": r"^part[1-5]/[a-z0-9-]+\.html#[a-z0-9-]+$"}
DATE = {"type": ["string", "null"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}
SCHEMAS = {
    "documents.json": {"type": "array", "items": {"type": "object", "required": [
        "title", "title_en", "part", "level", "kind", "issuer", "doc_no", "date", "topics", "url"], "properties": {
        "title": STR, "title_en": STR, "part": INT, "level": STR, "kind": STR, "issuer": {"type": "array", "items": STR},
        "doc_no": {"type": ["string", "null"], "pattern": r"^\S+〔\d{4}〕\d+号$"}, "date": DATE,
        "topics": {"type": "array", "items": STR}, "url": URL}}},
    "quotes.json": {"type": "array", "items": {"type": "object", "required": [
        "id", "date", "date_text", "occasion", "place", "text", "document", "url", "duplicates"], "properties": {
        "id": {"type": "string", "pattern": r"^[a-z0-9-]+#r-[a-z0-9-]+$"}, "date": DATE, "date_text": NULL_STR,
        "occasion": STR, "place": NULL_STR, "text": STR, "document": STR, "url": ANCHORED,
        "duplicates": {"type": "array", "items": STR}}}},
    "citations.json": {"type": "array", "items": {"type": "object", "required": [
        "title", "doc_no", "in_compilation", "url", "cited_by"], "properties": {
        "title": NULL_STR, "doc_no": {"type": ["string", "null"], "pattern": r"^\S+〔\d{4}〕\d+号$"},
        "in_compilation": {"type": "boolean"}, "url": {"type": ["string", "null"], "pattern": URL["pattern"]},
        "cited_by": {"type": "array", "items": {"type": "object", "required": ["document", "url"],
                                                 "properties": {"document": STR, "url": ANCHORED}}}}}},
}
_TYPES = {"string": str, "integer": int, "boolean": bool, "null": type(None), "array": list, "object": dict}


def validate(value, schema: dict, where: str = "$") -> list[str]:
    """The ways `value` breaks `schema` (type, required, properties, items, pattern: what the data uses)."""
    types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    if not any(isinstance(value, _TYPES[t]) and not (t == "integer" and isinstance(value, bool)) for t in types):
        return [f"{where}: {value!r} is not {types}"]
    errors = []
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        errors.append(f"{where}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, dict):
        errors += [f"{where}: missing {key}" for key in schema.get("required", []) if key not in value]
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                errors += validate(value[key], sub, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            errors += validate(item, schema["items"], f"{where}[{i}]")
    return errors


def test_the_schema_check_catches_bad_records():
    schema = SCHEMAS["quotes.json"]
    assert validate([{"id": "x"}], schema)
    good = {"id": "a#r-2018", "date": "2018-13", "date_text": None, "occasion": "", "place": None, "text": "",
            "document": "", "url": "part1/a.html#r-2018", "duplicates": []}
    assert validate([good], schema) == []
    assert validate([{**good, "url": "part1/a.html"}], schema)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_published_data_validates_against_its_schema(site, name):
    data = json_data(site, name)
    assert data and validate(data, SCHEMAS[name]) == []
    for record in data:
        for url in [record.get("url")] + [c["url"] for c in record.get("cited_by", [])]:
            if url:
                page, _, anchor = url.partition("#")
                assert (site / page).is_file(), url
                assert not anchor or soup(site, page).find(id=anchor), url


def test_quotes_have_one_record_per_attribution_and_symmetric_duplicates(site, documents):
    quotes = json_data(site, "quotes.json")
    ids = [q["id"] for q in quotes]
    assert len(ids) == len(set(ids)) == sum(len(d.remarks) for d in documents)
    assert sum(q["part"] == 1 for q in quotes) == 48
    by_id = {q["id"]: q for q in quotes}
    for q in quotes:
        for other in q["duplicates"]:
            assert q["id"] in by_id[other]["duplicates"]
    assert by_id["on-transformation-development#r-201405"]["date"] == "2014-05"
    assert by_id["on-high-quality-development#r-20180424"]["place"] == "湖北"
    assert by_id["li-mingbo-speech#r-nd"]["date"] is None


def test_documents_data_matches_the_pages(site, documents):
    data = json_data(site, "documents.json")
    assert [r["url"] for r in data] == [d.url for d in documents]
    assert [r["doc_no"] or "" for r in data] == [d.meta.doc_no for d in documents]


# --- bad data stops the build ----------------------------------------------------------------


def _build_error(project: Path, tmp_path: Path) -> str:
    result = run_mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    return output


@pytest.mark.parametrize("case", ["unjudged", "anchor", "doc_no", "date"])
def test_bad_index_data_stops_the_build_with_file_line_and_fix(project_copy, tmp_path, case):
    if case == "unjudged":
        path = project_copy / "data" / "remark-duplicates.yml"
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\n- remarks: \[part1/on-transformation-development.md#r-20180305.*?(?=\n- |\Z)", "",
                               text, flags=re.S), encoding="utf-8")
        expected = ("part1/on-transformation-development.md#r-20180305 and part1/on-transformation-development.md#r-2018 "
                    "have close texts (one holds the other) but are not judged")
    elif case == "anchor":
        path = project_copy / "data" / "topic-passages.yml"
        edit(path, "anchor: r-201212-p1", "anchor: r-201212-p9")
        expected = (f"data/topic-passages.yml:{line_of(path, 'r-201212-p9')}: innovation: "
                    "part1/on-transformation-development.md has no anchor 'r-201212-p9'")
    elif case == "doc_no":
        path = project_copy / "docs" / "part2" / "hubei-energy-saving-industry.md"
        edit(path, "鄂政办发〔2014〕1号", "鄂政办发〔14〕1号")
        expected = f"docs/part2/hubei-energy-saving-industry.md:{line_of(path, '〔14〕')}: 文号: '鄂政办发〔14〕1号' is not a 文号"
    else:
        path = project_copy / "docs" / "part1" / "on-high-quality-development.md"
        edit(path, "——2018年4月13日，", "——2018年4月13日至2日，")
        expected = (f"docs/part1/on-high-quality-development.md:{line_of(path, '至2日')}: attribution: "
                    "the range '2018年4月13日至2日' ends before it starts")
    assert expected in _build_error(project_copy, tmp_path)


# --- a language edition ----------------------------------------------------------------------


def test_the_generated_pages_come_in_both_languages_of_the_edition(site):
    # mkdocs-static-i18n rebuilds the file list from docs/ and builds once per language: the
    # generated pages come through (hooks/_shared.py add_page) in both languages.
    for prefix in ("", "en/"):
        for page in ("indexes/index.html", "indexes/timeline.html", "indexes/documents.html", "indexes/citations.html",
                     "indexes/topics/innovation.html"):
            assert (site / prefix / page).is_file(), prefix + page
        timeline = BeautifulSoup((site / prefix / "indexes/timeline.html").read_text(encoding="utf-8"), "html.parser")
        hrefs = [a["href"] for a in timeline.select("article .timeline a[href]")]
        assert len(hrefs) == 48
        for href in hrefs:
            assert (site / prefix / "indexes" / href.split("#")[0]).resolve().is_file(), prefix + href
    assert (site / "data" / "quotes.json").is_file()
