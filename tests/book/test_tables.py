"""Rebuilt tables: their scroll region is focusable and named by the caption, in real Markdown."""
import markdown

from compendium.book.tables import label_table_regions

WRAPPED = """段落。

<div class="table-wrap">
<table class="source-table wide" id="tab-1">
<caption>咸宁市2020年和2025年<br>制造业“主要”指标</caption>
<tr id="tab-1-r0"><th>指标</th></tr>
</table>
</div>
"""


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "md_in_html", "compendium.markup.extension"])


def test_a_wrapped_table_becomes_a_named_focusable_region():
    out = render(WRAPPED)
    assert '<div class="table-wrap" role="region" tabindex="0" aria-label="咸宁市2020年和2025年制造业“主要”指标">' in out
    assert '<caption>咸宁市2020年和2025年<br>制造业“主要”指标</caption>' in out
    assert "段落。</p>" in out, "the Markdown around the table is still Markdown"


def test_quotes_in_a_caption_are_escaped_in_the_label():
    out = label_table_regions('<div class="table-wrap"><table><caption>A "B" &amp; C</caption></table></div>')
    assert 'aria-label="A &quot;B&quot; &amp; C"' in out


def test_a_wrap_without_a_captioned_table_is_left_alone():
    text = '<div class="table-wrap"><table><tr><td>1</td></tr></table></div>'
    assert label_table_regions(text) == text
