"""Citations of remarks (compendium.reader.remark_citation), over every remark of parts 1 and 4, without MkDocs."""
from __future__ import annotations

import dataclasses

import markdown
import pytest
from bs4 import BeautifulSoup

from compendium import ROOT
from compendium.book.errors import PageError
from compendium.book.pages import load_documents
from compendium.book.vocabulary import load_vocabulary
from compendium.reader.remark_citation import citation_suffix, page_citations, remark_citation, speaker, with_citations

# The attributions that already name the speaker: cited as printed, without a second name.
NAMED = {
    "——2014年5月10日,习近平在考察河南中铁工程装备有限公司时的讲话",
    "——习近平总书记在2018年两会参加广东代表团审议时强调",
    "——习近平2020年3月29日至4月1日在浙江考察时的讲话，据新华社4月1日电",
    "——习近平2019年9月16日至18日在河南考察调研时的讲话",
    "——习近平2018年9月21日在十九届中央政治局第八次集体学习时的讲话",
    "——2018年4月27日上午，习近平考察武汉东湖高新区，烽火科技集团",
    "——2018年4月25日下午，习近平考察三峡工程时集团讲话",
}


@pytest.fixture(scope="module")
def documents():
    return load_documents(ROOT / "docs", load_vocabulary())


def remarks_of(documents, part):
    return [(d, r) for d in documents if d.meta.part == part for r in d.remarks]


def test_the_examples_of_the_issue():
    assert citation_suffix("——2018年4月24日至28日，在湖北考察时的讲话", "习近平") == \
        "（习近平，2018年4月24日至28日，在湖北考察时的讲话）"
    assert citation_suffix("——习近平2019年9月16日至18日在河南考察调研时的讲话", "习近平") == \
        "（习近平2019年9月16日至18日在河南考察调研时的讲话）"
    assert citation_suffix("——2016年咸宁市第五次党代会报告") == "（2016年咸宁市第五次党代会报告）"


def test_every_part1_remark_names_xi_jinping_once(documents):
    remarks = remarks_of(documents, 1)
    assert len(remarks) == 48
    named = set()
    for doc, remark in remarks:
        cite = remark_citation(doc, remark)
        source = remark.attribution.removeprefix("——")
        assert cite.count("习近平") == 1, cite
        if remark.attribution in NAMED:
            named.add(remark.attribution)
            assert cite == f"（{source}）"
        else:
            assert cite == f"（习近平，{source}）"
    assert named == NAMED, "every attribution that names him is in the pages"


def test_part4_remarks_cite_their_own_source(documents):
    remarks = remarks_of(documents, 4)
    cites = [remark_citation(d, r) for d, r in remarks]
    assert len(cites) == 6
    assert "（2016年咸宁市第五次党代会报告）" in cites
    assert "（2007年咸宁市第三次党代会报告）" in cites
    assert "（湖北省第八次党代会咸宁市代表李明波发言）" in cites
    for (doc, remark), cite in zip(remarks, cites):
        assert speaker(doc) == ""
        assert cite == f"（{remark.attribution.removeprefix('——')}）"


def test_a_bad_attribution_or_speaker_is_an_error_at_its_line(documents):
    doc, remark = remarks_of(documents, 1)[0]
    with pytest.raises(PageError) as err:
        remark_citation(doc, dataclasses.replace(remark, attribution="2017年12月18日的讲话"))
    assert err.value.line == remark.line and err.value.path == f"docs/{doc.path}"
    two = dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, issuer=["习近平", "李克强"]))
    with pytest.raises(PageError, match="one speaker"):
        page_citations(two)


def test_citations_go_into_the_remark_markup(documents):
    doc = next(d for d in documents if d.path == "part1/on-high-quality-development.md")
    body = (ROOT / "docs" / doc.path).read_text(encoding="utf-8").split("---\n", 2)[2]
    html = BeautifulSoup(markdown.markdown(with_citations(body, page_citations(doc)),
                                           extensions=["attr_list", "md_in_html", "compendium.markup.extension"]),
                         "html.parser")
    figures = html.select("figure.remark")
    assert len(figures) == len(doc.remarks) == 26
    for fig, remark in zip(figures, doc.remarks):
        button = fig.select_one("figcaption .remark-tools.generated button[data-copy=cite]")
        assert button.get_text() == "复制引文"
        assert button["data-cite"] == remark_citation(doc, remark)
        assert fig.select_one("figcaption a.permalink")["href"] == f"#{remark.id}"
