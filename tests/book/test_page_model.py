"""The page model: front matter schema, anchors and remarks, checked without MkDocs.

Bad input must fail with the file, the line, the field and what to fix.
"""
import pytest

from compendium.book.errors import PageError
from compendium.book.pages import parse_document
from compendium.book.vocabulary import load_vocabulary

VOCAB = load_vocabulary()
PATH = "part2/example.md"

GOOD_META = """---
title: 工业和信息化部关于推动5G加快发展的通知
part: 2
order: 1
doc_no: 工信部通信〔2020〕49号
issuer: [工业和信息化部]
date: "2020"
level: ministry
kind: notice
topics: [digital]
source_lines: 2505-2700
title_en: Notice of the Ministry of Industry and Information Technology on promoting 5G
summary_en: The notice asks for faster 5G networks. It asks for more applications. It asks for security.
---
"""
GOOD_BODY = """
## 一、加快5G网络建设部署 {#s1}

**（一）加快5G网络建设进度。**{#s1-1}基础电信企业要进一步优化设备采购。
"""


def page(meta: str = GOOD_META, body: str = GOOD_BODY) -> str:
    return meta + body


def error_of(text: str, path: str = PATH) -> PageError:
    with pytest.raises(PageError) as info:
        parse_document(path, text, VOCAB)
    return info.value


def test_a_good_page_parses_into_the_model():
    doc = parse_document(PATH, page(), VOCAB)
    assert doc.meta.title.startswith("工业和信息化部")
    assert doc.meta.doc_no == "工信部通信〔2020〕49号"
    assert [a.id for a in doc.anchors] == ["s1", "s1-1"]
    assert doc.url == "part2/example.html"


def test_missing_front_matter():
    err = error_of(GOOD_BODY)
    assert (err.path, err.line) == ("docs/part2/example.md", 1)
    assert "front matter" in str(err)


def test_unparseable_yaml_names_the_line():
    err = error_of(page(GOOD_META.replace("part: 2", "part: [2")))
    assert err.line >= 3 and "not valid YAML" in str(err)


@pytest.mark.parametrize("field", ["title", "part", "order", "issuer", "date", "level", "kind", "topics",
                                   "source_lines", "title_en", "summary_en"])
def test_missing_field(field):
    meta = "\n".join(line for line in GOOD_META.splitlines() if not line.startswith(f"{field}:")) + "\n"
    err = error_of(page(meta))
    assert err.field == field and "missing field" in str(err)


@pytest.mark.parametrize("old, new, field, line, words", [
    ("part: 2", "part: 7", "part", 3, "unknown part"),
    ("part: 2", "part: 3", "part", 3, "folder of part 2"),
    ("level: ministry", "level: 省级", "level", 8, "unknown level"),
    ("kind: notice", "kind: memo", "kind", 9, "unknown kind"),
    ("topics: [digital]", "topics: [digital, space]", "topics", 10, "unknown topic"),
    ('date: "2020"', 'date: "2020-02-30"', "date", 7, "not a valid date"),
    ('date: "2020"', "date: 2020年", "date", 7, "not a valid date"),
    ('date: "2020"', 'date: "2019"', "date", 7, "differs from the year 2020"),
    ("doc_no: 工信部通信〔2020〕49号", "doc_no: 工信部通信2020第49号", "doc_no", 5, "not a 文号"),
    ("order: 1", "order: first", "order", 4, "positive whole number"),
    ("source_lines: 2505-2700", "source_lines: 2700-2505", "source_lines", 11, "line range"),
    ("title_en: Notice of the Ministry of Industry and Information Technology on promoting 5G", "title_en: ' '",
     "title_en", 12, "is empty"),
])
def test_wrong_metadata_names_file_line_field_and_fix(old, new, field, line, words):
    err = error_of(page(GOOD_META.replace(old, new)))
    assert (err.path, err.line, err.field) == ("docs/part2/example.md", line, field)
    assert words in str(err)
    assert err.fix, "the error must say what to fix"


def test_unknown_field_is_refused():
    err = error_of(page(GOOD_META.replace("part: 2", "part: 2\nauthor: x")))
    assert err.field == "author"


def test_unquoted_iso_date_is_accepted():
    doc = parse_document(PATH, page(GOOD_META.replace('date: "2020"', "date: 2020-03-24")), VOCAB)
    assert doc.meta.date == "2020-03-24"


def test_duplicate_anchor_names_both_lines():
    # An excerpt that prints the number 一、 twice: the second gets the suffix -b.
    err = error_of(page(body=GOOD_BODY + "\n## 一、丰富应用 {#s1}\n"))
    assert err.field == "anchor" and "duplicate id 's1'" in str(err)
    assert err.line == 20 and "first on line 16" in str(err)
    assert "write {#s1-b}" in err.fix and err.step == "headings"


@pytest.mark.parametrize("heading, written, expected", [
    ("## 二、丰富应用", "s1", "s2"),  # a number of the text, not of the page's order
    ("**（二）推进应用。**", "s1-1", "s1-2"),  # （二） under 一、
    ("#### 3.试点", "s1-3", "s1-1-3"),  # 3. under （一） under 一、
])
def test_an_id_that_disagrees_with_its_number_is_refused_with_the_right_id(heading, written, expected):
    line = f"{heading}{{#{written}}}正文。" if heading.startswith("**") else f"{heading} {{#{written}}}"
    err = error_of(page(body=GOOD_BODY + "\n" + line + "\n"))
    assert (err.field, err.line) == ("anchor", 20)
    assert f"id {written!r} does not match the heading's number" in str(err) and f"{{#{expected}}}" in err.fix


def test_a_heading_without_an_id_is_told_its_number_path():
    err = error_of(page(body=GOOD_BODY + "\n## 二、丰富应用\n"))
    assert "heading without an id" in str(err) and "{#s2}" in err.fix


def test_anchor_outside_the_scheme():
    err = error_of(page(body="\n## 一、加快 {#section-one}\n"))
    assert "does not follow the anchor scheme" in str(err) and err.line == 16


def test_heading_without_id():
    err = error_of(page(body="\n## 一、加快5G网络建设部署\n"))
    assert "heading without an id" in str(err) and err.line == 16


REMARK = """
/// remark | ——2018年5月18日至19日，在全国生态环境保护大会上的讲话
    id: {rid}

绿色发展是构建高质量现代化经济体系的必然要求。
///
"""


def test_remark_ids_follow_the_attribution_date():
    doc = parse_document(PATH, page(body=REMARK.format(rid="r-20180518") + REMARK.format(rid="r-20180518-2")), VOCAB)
    assert [(r.id, r.date) for r in doc.remarks] == [("r-20180518", "2018-05-18"), ("r-20180518-2", "2018-05-18")]


def test_remark_id_that_disagrees_with_its_date():
    err = error_of(page(body=REMARK.format(rid="r-20180519")))
    assert "does not match the attribution's date" in str(err) and "r-20180518" in str(err)


def test_remark_without_id():
    err = error_of(page(body=REMARK.replace("    id: {rid}\n", "")))
    assert "remark block without an id" in str(err)


def test_document_path_must_be_ascii_slug():
    err = error_of(page(), path="part2/工业.md")
    assert "not a document path" in str(err)


TABLE = """
<div class="table-wrap">
<table class="source-table" id="tab-1">
<caption>主要指标</caption>
<tr id="tab-1-r0"><th>指标</th></tr>
</table>
</div>
"""


def test_a_wrapped_table_with_a_caption_is_accepted():
    assert parse_document(PATH, page(body=GOOD_BODY + TABLE), VOCAB).anchors[-1].id == "tab-1-r0"


@pytest.mark.parametrize("old, new, words", [
    ("<caption>主要指标</caption>\n", "", "table wrap without a table whose first element is its <caption>"),
    ('<div class="table-wrap">', '<div class="table-wrap" markdown="0">', "has attributes"),
])
def test_a_table_wrap_that_cannot_be_named_is_refused(old, new, words):
    err = error_of(page(body=GOOD_BODY + TABLE.replace(old, new)))
    assert err.field == "table" and words in str(err) and err.line == 20
