"""The search index's core (compendium.search.search_index) and the vendored scripts (compendium.hosting.vendored_scripts)."""
from __future__ import annotations

import json
import shutil
from urllib.parse import unquote

import pytest

from compendium.book.errors import PageError
from compendium.hosting.vendored_scripts import vendored_files
from compendium.search.search_index import clean, index_data, index_script, page_weight, search_page, worker_url

from support.project import ROOT

PAGE = """
<div class="doc-meta generated"><span>中央</span><span>意见</span></div>
<p class="doc-no">国办发〔2015〕59号</p>
<h2 id="s1">一、增强粮食生产能力<a class="headerlink" href="#s1" title="本节链接">&para;</a></h2>
<p><strong id="s1-1">（一）加快建设高标准农田。</strong>到2020年建成8亿亩高标准农田。</p>
<p>统筹使用资金。</p>
<figure class="remark" id="r-20171218">
<blockquote>
<p>推动高质量\u200b发展。</p>
</blockquote>
<figcaption>——2017年12月18日，在中央经济工作会议上的讲话</figcaption>
</figure>
<div class="admonition note" id="box-1">
<p class="admonition-title">专栏1 智能制造工程</p>
<p>建设智能工厂。</p>
</div>
<p>框后的段落。</p>
<div class="table-wrap"><table class="source-table" id="tab-1"><caption>主要指标</caption>
<tr id="tab-1-r0"><th>类别</th><th>指标</th></tr>
<tr id="tab-1-r1"><th>创新<br>能力</th><td>研发经费</td></tr>
</table></div>
"""


def test_a_page_is_cut_where_results_can_link():
    page = search_page("part2/x.html", "国务院办公厅关于加快转变农业发展方式的意见", PAGE, "国办发〔2015〕59号")
    rows = {s.anchor: s.as_row() for s in page.sections}
    assert list(rows) == ["", "s1", "s1-1", "r-20171218", "box-1", "tab-1", "tab-1-r0", "tab-1-r1"]
    # The page itself: its title and the text before its first section; no generated metadata.
    assert rows[""] == ["", "国务院办公厅关于加快转变农业发展方式的意见", "国办发〔2015〕59号"]
    assert rows["s1"] == ["s1", "一、增强粮食生产能力", ""]
    # A run-in head is the title of its paragraph's rest; text after a box returns to it.
    assert rows["s1-1"] == ["s1-1", "（一）加快建设高标准农田。", "到2020年建成8亿亩高标准农田。\n统筹使用资金。\n框后的段落。"]
    # A remark is titled by its attribution; zero-width characters are gone.
    assert rows["r-20171218"] == ["r-20171218", "——2017年12月18日，在中央经济工作会议上的讲话", "推动高质量发展。"]
    assert rows["box-1"] == ["box-1", "专栏1 智能制造工程", "建设智能工厂。"]
    # A table is titled by its caption; a row by its first cell, the others are its text (a
    # cell's line break joins).
    assert rows["tab-1"] == ["tab-1", "主要指标", ""]
    assert rows["tab-1-r1"] == ["tab-1-r1", "创新能力", "研发经费"]
    assert page.doc_no == "国办发〔2015〕59号"


def test_an_english_page_is_indexed_without_the_chinese_original_it_shows():
    english = ('<h1>Opinions on the agricultural development mode</h1>\n'
               '<p class="doc-title-original"><span lang="zh-CN" data-search-exclude>国务院办公厅…</span></p>\n'
               '<div class="doc-summary editorial"><p><strong>Summary.</strong> Seven sections.</p></div>\n'
               f'<div class="doc-original" lang="zh-CN" data-search-exclude>{PAGE}</div>')
    page = search_page("en/part2/x.html", "Opinions on the agricultural development mode", english, "国办发〔2015〕59号")
    assert [s.as_row() for s in page.sections] == [["", "Opinions on the agricultural development mode",
                                                     "Summary. Seven sections."]]
    assert page.doc_no == "国办发〔2015〕59号", "the 文号 still finds the English page"


def test_clean_removes_zero_width_characters_and_layout_space():
    assert clean(" 5G\u200b基站\u200c\ufeff建设\u2060\n 任务 ") == "5G基站建设 任务"


def test_pages_weigh_by_what_they_are():
    assert page_weight("part2/5g-development.md") == 1.0
    assert page_weight("part2/index.md") < 1.0
    assert page_weight("errata.md") < page_weight("part2/index.md")
    assert page_weight("index.md") == page_weight("about.md") == page_weight("errata.md")


def test_the_index_is_a_script_the_worker_can_load():
    data = index_data([search_page("a.html", "甲", "<p>乙</p>")], "zh")
    script = index_script(data)
    assert script.startswith("self.__compendiumSearchIndex=") and script.endswith(";\n")
    assert json.loads(script[script.index("=") + 1:-2]) == {
        "lang": "zh", "pages": [{"u": "a.html", "t": "甲", "n": "", "w": 1.0, "s": [["", "甲", "乙"]]}]}


def test_the_worker_url_names_its_languages_index():
    # One index per language; the worker resolves the index relative to itself.
    assert worker_url("zh", "0.1.0+abc") == (
        "assets/javascripts/search-worker.js?index=..%2F..%2Fsearch%2Findex.zh.js%3Fv%3D0.1.0%2Babc"
        "&engine=search-engine.js%3Fv%3D0.1.0%2Babc")
    assert "index.en.js" in unquote(worker_url("en", ""))
    assert "?v=" not in unquote(worker_url("en", ""))


def test_vendored_scripts_come_at_the_pinned_version():
    files = {f.dest: f.src for f in vendored_files(ROOT)}
    assert set(files) == {"assets/vendor/iframe-worker/shim/index.js", "assets/vendor/iframe-worker/LICENSE",
                          "assets/vendor/tablesort/dist/tablesort.min.js",
                          "assets/vendor/tablesort/dist/sorts/tablesort.number.min.js", "assets/vendor/tablesort/LICENCE"}
    assert "IFrameWorker" in files["assets/vendor/iframe-worker/shim/index.js"].read_text(encoding="utf-8")


def test_a_vendored_package_at_another_version_stops_the_build(tmp_path):
    shutil.copy(ROOT / "package-lock.json", tmp_path)
    for name in ("iframe-worker", "tablesort"):
        shutil.copytree(ROOT / "node_modules" / name, tmp_path / "node_modules" / name)
    package = tmp_path / "node_modules" / "iframe-worker"
    meta = json.loads((package / "package.json").read_text(encoding="utf-8"))
    (package / "package.json").write_text(json.dumps({**meta, "version": "1.0.3"}), encoding="utf-8")
    with pytest.raises(PageError, match=r"pins 1\.0\.4 but version 1\.0\.3 is installed.*tools/setup\.sh"):
        vendored_files(tmp_path)
    shutil.rmtree(tmp_path / "node_modules")
    with pytest.raises(PageError, match="it is not installed"):
        vendored_files(tmp_path)
