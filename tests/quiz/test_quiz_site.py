"""自测 in the built site: the pages of both editions, every answer's link resolving to its sentence,
the pages out of the search index, small enough, loading no script of their own at the first view; data/quiz.json on the
downloads page; the 自测 entry in the navigation."""
from __future__ import annotations

import gzip
import json
import re
from functools import cache

import pytest
from bs4 import BeautifulSoup

from compendium.quiz.pages import PER_PAGE

QUIZ_JS_GZIP = 3000
PAGE_HTML_GZIP = 40_000


@pytest.fixture(scope="module")
def html(site):
    @cache
    def parse(rel: str) -> BeautifulSoup:
        return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")
    return parse


def quiz_pages(site, edition: str = "") -> list[str]:
    folder = site / edition / "quiz"
    return sorted(p.relative_to(site).as_posix() for p in folder.glob("*.html")
                  if p.name not in ("index.html", "daily.html"))


def resolve(base: str, href: str) -> tuple[str, str]:
    path, _, fragment = href.partition("#")
    parts = base.split("/")[:-1]
    for piece in path.split("/"):
        if piece == "..":
            parts.pop()
        elif piece:
            parts.append(piece)
    return "/".join(parts), fragment


def test_every_question_is_on_a_page_and_every_source_link_resolves(site, html):
    bank = json.loads((site / "data" / "quiz.json").read_text(encoding="utf-8"))
    by_id = {q["id"]: q for q in bank}
    seen = set()
    for rel in quiz_pages(site):
        items = html(rel).select("li.quiz-q")
        assert 0 < len(items) <= PER_PAGE, rel
        for li in items:
            q = by_id[li["data-q"]]
            if not rel.endswith("mixed.html"):
                seen.add(q["id"])
            assert int(li["data-a"]) == q["answer_index"]
            assert li.select(".quiz-options > li")[q["answer_index"]].get_text() == q["answer"]
            page, fragment = resolve(rel, li.select_one(".quiz-source a")["href"])
            target = html(page).find(id=fragment)
            assert target is not None, (rel, page, fragment)
            if q["kind"] == "target" and q["url"].split("#")[1].startswith("t-"):
                assert q["answer"] in target.get_text(), q["id"]
    assert seen == set(by_id)


def test_both_editions_have_the_quiz_and_english_asks_targets_in_english(site, html):
    zh, en = quiz_pages(site), quiz_pages(site, "en")
    assert [p.removeprefix("en/") for p in en] == zh
    assert html("en/quiz/index.html").find("html")["lang"] == "en"
    items = [li for rel in en for li in html(rel).select("li.quiz-q")]
    for li in items:
        if li["data-q"].startswith("t-"):
            assert li.get("lang") is None and li.select_one(".quiz-stem").get_text().startswith("In “")
        else:
            assert li["lang"] == "zh-CN"


def test_quiz_pages_stay_out_of_search_load_only_quiz_js_and_are_small(site, html):
    index = (site / "search" / "index.zh.js").read_text(encoding="utf-8")
    assert "quiz/" not in index
    quiz_js = (site / "assets/javascripts/quiz.js").read_bytes()
    assert len(gzip.compress(quiz_js, 6)) <= QUIZ_JS_GZIP
    for rel in quiz_pages(site) + ["quiz/index.html", "quiz/daily.html"]:
        raw = (site / rel).read_bytes()
        assert len(gzip.compress(raw, 6)) <= PAGE_HTML_GZIP, rel
        soup = html(rel)
        # Nothing at the first view: reader.js loads quiz.js at the reader's first touch.
        assert not [s["src"] for s in soup.find_all("script", src=True) if "quiz" in s["src"]], rel
        assert not soup.select("[style]"), rel
        assert not soup.find_all("link", rel="stylesheet", href=re.compile("quiz"))
    assert "quiz.js" in (site / "assets/javascripts/reader.js").read_text(encoding="utf-8")


def test_the_bank_is_listed_on_the_downloads_page_and_quiz_in_the_navigation(site, html):
    downloads = html("downloads.html")
    assert downloads.find("a", href="data/quiz.json") and downloads.find("a", href="data/quiz-exclusions.yml")
    assert html("index.html").select_one(".md-nav--primary a[href='quiz/index.html']") is not None
    assert (site / "quiz" / "bank.js").is_file() and (site / "en" / "quiz" / "bank.js").is_file()
