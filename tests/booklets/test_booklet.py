"""The booklets' model and HTML (compendium/booklets/booklet_html.py), without WeasyPrint: what goes on paper."""
from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from compendium import DOCS_DIR
from compendium.book.errata import load_errata
from compendium.book.labels import load_labels
from compendium.book.pages import load_documents
from compendium.book.vocabulary import load_vocabulary
from compendium.booklets.booklet_html import (SOURCES, STYLESHEET, WHOLE, Edition, booklet_names, plan_booklets,
                                              render_booklet, sources_digest)
from compendium.booklets.page_html import PageRenderer, read_mkdocs_yml

from support.project import ROOT


@pytest.fixture(scope="module")
def documents():
    return load_documents(DOCS_DIR, load_vocabulary())


@pytest.fixture(scope="module")
def plan(documents):
    return plan_booklets(documents, load_vocabulary(), DOCS_DIR)


@pytest.fixture(scope="module")
def rendered(plan) -> dict[str, BeautifulSoup]:
    """Every booklet's HTML, parsed, by name."""
    edition = Edition("汇编", "以正式文件为准", "9.9.9+test", "2026-01-02", sources_digest(), "A5")
    renderer, labels, css = PageRenderer(ROOT / "mkdocs.yml", DOCS_DIR, paper=True), load_labels(), STYLESHEET.read_text("utf-8")
    return {b.name: BeautifulSoup(render_booklet(b, edition, renderer, labels, css), "html.parser") for b in plan}


# --- the model -------------------------------------------------------------------------------


def test_six_booklets_the_whole_book_and_each_part(plan):
    assert [b.name for b in plan] == booklet_names(load_vocabulary())
    assert [b.name for b in plan] == [WHOLE] + [f"{WHOLE}-part{n}" for n in range(1, 6)]


def test_the_whole_book_holds_every_document_in_book_order_then_the_errata(plan, documents):
    whole = plan[0]
    assert [s.path for s in whole.documents] == [d.path for d in documents]
    assert [s.kind for s in whole.sections].count("part") == 5
    assert whole.sections[-1].kind == "errata" and whole.sections[-1].title == "勘误说明"


def test_a_part_booklet_holds_its_title_page_and_its_documents(plan, documents):
    for number, booklet in enumerate(plan[1:], 1):
        assert booklet.sections[0].kind == "part" and booklet.sections[0].path == f"part{number}/index.md"
        assert booklet.title.startswith(("第一篇", "第二篇", "第三篇", "第四篇", "第五篇")[number - 1])
        assert [s.path for s in booklet.documents] == [d.path for d in documents if d.meta.part == number]
        assert all(s.kind != "errata" for s in booklet.sections)


# --- the HTML --------------------------------------------------------------------------------


def test_documents_are_chinese_and_name_their_edition(rendered):
    for soup in rendered.values():
        assert soup.html["lang"] == "zh-CN"
        meta = {m["name"]: m["content"] for m in soup.select("meta[name]")}
        assert meta["compendium-edition"] == "9.9.9+test" and meta["compendium-sources"].startswith("sha256:")
        cover = soup.select_one(".cover").get_text()
        assert "汇编" in cover and "9.9.9+test" in cover and "2026-01-02" in cover


def test_a_part_cover_names_the_part(plan, rendered):
    for booklet in plan[1:]:
        assert booklet.title in rendered[booklet.name].select_one(".cover").get_text()


def test_contents_link_every_section_to_its_start(plan, rendered):
    for booklet in plan:
        soup = rendered[booklet.name]
        links = soup.select("nav.contents a")
        assert [a.get_text() for a in links] == [s.title for s in booklet.sections]
        for a in links:
            target = soup.find(id=a["href"][1:])
            assert target is not None and target.parent.name == "main", a


def test_ids_are_unique_in_a_booklet(rendered):
    for name, soup in rendered.items():
        counts = Counter(el["id"] for el in soup.select("[id]"))
        assert counts and not [i for i, n in counts.items() if n > 1], name


def test_pages_are_rendered_as_the_site_renders_them(rendered):
    soup = rendered[f"{WHOLE}-part1"]
    remark = soup.select_one("figure.remark#part1-on-high-quality-development--r-20171218")
    assert remark.figcaption.get_text() == "——2017年12月18日，在中央经济工作会议上的讲话"
    assert remark.select_one("p#part1-on-high-quality-development--r-20171218-p1")
    part5 = rendered[f"{WHOLE}-part5"]
    assert part5.select_one("div.admonition#part5-made-in-china-2025-xianning--box-1 p.admonition-title")
    assert part5.select_one("table.wide#part5-made-in-china-2025-xianning--tab-1 caption")
    assert part5.select("ul.dash-list") or rendered[WHOLE].select("ul.dash-list")
    assert "¶" not in soup.get_text(), "paper has no permalinks"


def test_no_control_of_the_screen_reaches_paper(rendered):
    for name, soup in rendered.items():
        main = soup.select_one("main")
        assert not main.select("button, .generated, .reader-control, a.headerlink"), name
        captions = [c.get_text() for c in main.select("figure.remark figcaption")]
        assert all(c.startswith("——") and "复制" not in c for c in captions), name


def test_the_errata_close_the_whole_book_and_link_the_documents(rendered):
    soup = rendered[WHOLE]
    errata = soup.select("main > *")[-1]
    assert errata["id"] == "errata" and errata.h1.get_text() == "勘误说明"
    rows = errata.select("tbody tr")
    assert len(rows) == len(load_errata())
    for a in errata.select("td a"):
        assert soup.find(id=a["href"][1:]) is not None, a


def test_the_stylesheet_names_only_simplified_chinese_cjk_faces():
    css = STYLESHEET.read_text("utf-8")
    faces = set(re.findall(r'"(Noto [^"]*CJK[^"]*)"', css))
    assert faces == {"Noto Serif CJK SC", "Noto Sans CJK SC"}


# --- the sources digest ----------------------------------------------------------------------


def copy_sources(dest: Path) -> Path:
    """A copy of what the booklets are made from (and nothing else)."""
    for pattern in (*SOURCES, "mkdocs.yml", "pyproject.toml"):
        for path in ROOT.glob(pattern):
            target = dest / path.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
    return dest


def test_the_digest_changes_with_a_page_and_not_with_other_files(tmp_path):
    copy = copy_sources(tmp_path)
    assert sources_digest(copy) == sources_digest(ROOT)
    (copy / "README.md").write_text("anything", encoding="utf-8")
    (copy / "mkdocs.yml").write_text((copy / "mkdocs.yml").read_text("utf-8") + "\nextra_javascript: [x.js]\n",
                                     encoding="utf-8")
    assert sources_digest(copy) == sources_digest(ROOT), "a setting the booklets do not read"
    page = copy / "docs" / "part3" / "xuzhou.md"
    page.write_text(page.read_text("utf-8").replace("徐州位于江苏省西北部", "徐州位于江苏省东北部"), encoding="utf-8")
    assert sources_digest(copy) != sources_digest(ROOT)


# --- pages rendered as the site renders them -------------------------------------------------


def test_a_page_is_rendered_with_the_sites_markdown_extensions(site):
    """The same page, rendered here and by MkDocs: the same paragraphs, ids and blocks."""
    renderer = PageRenderer(ROOT / "mkdocs.yml", DOCS_DIR)
    ours = BeautifulSoup(renderer.html(renderer.body("part5/made-in-china-2025-xianning.md")), "html.parser")
    built = BeautifulSoup((site / "part5" / "made-in-china-2025-xianning.html").read_text("utf-8"), "html.parser")
    article = built.select_one("article.md-content__inner")

    def words(el) -> str:
        # What the site adds inside a block (the target markers) is generated, not the page's text.
        copy = BeautifulSoup(str(el), "html.parser")
        for added in copy.select(".generated"):
            added.decompose()
        return copy.get_text()

    def blocks(root):
        return [(el.name, el.get("id"), words(el)) for el in root.select("p[id], h2, h3, h4, figure, table, .admonition")
                if not el.find_parent(class_="generated")]

    assert blocks(ours) == blocks(article) and len(blocks(ours)) > 50
    assert ours.select_one("a.headerlink"), "permalinks as on the site, unless turned off"


def test_mkdocs_yml_is_read_with_its_python_names(tmp_path):
    yml = tmp_path / "mkdocs.yml"
    yml.write_text("markdown_extensions:\n  - toc:\n      slugify: !!python/name:markdown.extensions.toc.slugify\n",
                   encoding="utf-8")
    from markdown.extensions.toc import slugify
    assert read_mkdocs_yml(yml)["markdown_extensions"][0]["toc"]["slugify"] is slugify
    assert read_mkdocs_yml(yml, resolve=False)["markdown_extensions"][0]["toc"]["slugify"] == \
        "!!python/name:markdown.extensions.toc.slugify"


def test_mkdocs_yml_is_read_with_its_environment_values(tmp_path, monkeypatch):
    # site_url: !ENV SITE_URL (the server path of hosting): read as MkDocs reads it; the digest
    # of the booklets' sources keeps the tag's text, so that no variable makes them out of date.
    yml = tmp_path / "mkdocs.yml"
    yml.write_text("site_url: !ENV SITE_URL\n", encoding="utf-8")
    monkeypatch.delenv("SITE_URL", raising=False)
    assert read_mkdocs_yml(yml)["site_url"] is None
    monkeypatch.setenv("SITE_URL", "https://intranet/xuexi/")
    assert read_mkdocs_yml(yml)["site_url"] == "https://intranet/xuexi/"
    assert read_mkdocs_yml(yml, resolve=False)["site_url"] == "!ENV SITE_URL"
