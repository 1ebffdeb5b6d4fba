"""Published files and the 下载与数据 page: every file described, linked, with its real size."""
from __future__ import annotations

import csv
import io
import json

import pytest
from bs4 import BeautifulSoup

from compendium.book.errors import PageError
from compendium.book.labels import load_labels
from compendium.downloads.data_files import csv_bytes, json_bytes
from compendium.downloads.downloads_page import (Download, check_published, human_size, load_downloads,
                                                 render_downloads)

from support.project import ROOT


def item(path: str, optional: bool = False, missing: str = "") -> Download:
    return Download(path, "标题", "字段说明", "", "", optional, missing)


# --- core ------------------------------------------------------------------------------------


def test_a_published_file_without_description_is_an_error():
    with pytest.raises(PageError, match="data/x.json is published but not described"):
        check_published([item("data/a.json")], {"data/a.json": 1, "data/x.json": 2})


def test_a_described_file_that_is_not_published_is_an_error_unless_optional():
    with pytest.raises(PageError, match="data/a.json is described but the build publishes no such file"):
        check_published([item("data/a.json")], {})
    check_published([item("downloads/all.pdf", optional=True)], {})


def test_an_absent_optional_file_is_named_but_not_linked():
    table = render_downloads([item("downloads/all.pdf", True, "未生成：运行 ./tools/pdf.sh")], {}, "downloads.html",
                             load_labels())
    assert "all.pdf" in table and "未生成：运行 ./tools/pdf.sh" in table and "<a " not in table


def test_the_english_page_describes_every_file_in_english_or_the_build_says_which_lacks_it():
    en = load_labels().in_language("en")
    pdf = Download("downloads/all.pdf", "手册", "全书", "Booklet", "The whole book", True, "未生成", "Not made")
    table = render_downloads([pdf], {}, "en/downloads.html", en)
    assert "Booklet" in table and "Not made" in table and "手册" not in table and "未生成" not in table
    for lacking in (item("data/a.json"), Download("downloads/all.pdf", "手册", "全书", "Booklet", "Book", True, "未生成")):
        with pytest.raises(PageError, match=f"{lacking.path}: no English description"):
            render_downloads([lacking], {"data/a.json": 5}, "en/downloads.html", en)


def test_links_are_relative_to_the_page():
    table = render_downloads([item("data/a.json")], {"data/a.json": 5}, "part1/downloads.html", load_labels())
    assert 'href="../data/a.json"' in table


def test_malformed_description_names_the_entry(tmp_path):
    bad = tmp_path / "downloads.yml"
    bad.write_text("- path: data/a.json\n  title: 甲\n", encoding="utf-8")
    with pytest.raises(PageError, match="entry 1: malformed entry"):
        load_downloads(bad)


def test_sizes_read_as_readers_expect():
    assert [human_size(n) for n in (512, 2048, 5 * 1024 * 1024)] == ["512 B", "2.0 KB", "5.0 MB"]


def test_csv_has_a_bom_and_reads_back():
    data = csv_bytes(["名称", "数值"], [["咸宁市", 2500], ["湖北省", None]])
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows == [["名称", "数值"], ["咸宁市", "2500"], ["湖北省", ""]]


def test_json_keeps_chinese_readable():
    assert "咸宁" in json_bytes({"a": "咸宁"}).decode("utf-8")
    assert json.loads(json_bytes([1, "二"])) == [1, "二"]


# --- the built site --------------------------------------------------------------------------


def test_downloads_page_lists_every_published_file_with_its_size(site):
    page = BeautifulSoup((site / "downloads.html").read_text(encoding="utf-8"), "html.parser")
    links = {a["href"]: a for a in page.select("article .downloads a[href]")}
    # data/ always; downloads/ holds the PDF booklets when tools/pdf.sh made current ones.
    published = sorted(p.relative_to(site).as_posix() for folder in ("data", "downloads") if (site / folder).is_dir()
                       for p in (site / folder).iterdir())
    assert any(p.startswith("data/") for p in published), "the site publishes its data"
    assert sorted(links) == published
    for href in links:
        row = links[href].find_parent("tr").get_text()
        assert human_size((site / href).stat().st_size) in row, href
    described = {d.path for d in load_downloads(ROOT / "data" / "downloads.yml")}
    assert set(published) <= described


def test_repo_data_is_published_unchanged(site):
    for path in (ROOT / "data").iterdir():
        assert (site / "data" / path.name).read_bytes() == path.read_bytes(), path.name


def test_labels_come_in_both_languages(tmp_path):
    labels = load_labels()
    assert labels("downloads.size") == "大小" and labels.in_language("en")("downloads.size") == "Size"
    with pytest.raises(PageError, match="no zh label for 'nothing.here'"):
        labels("nothing.here")
    bad = tmp_path / "labels.yml"
    bad.write_text("a.b: {zh: 甲}\n", encoding="utf-8")
    with pytest.raises(PageError, match="a label needs both zh and en"):
        load_labels(bad)
