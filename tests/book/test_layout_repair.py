"""Layout repair: artefact lines and layout spaces go, the words and real spaces stay."""
import pytest

from compendium.book.layout_repair import clean_line, content_chars, is_artefact_line, remove_layout_spaces


@pytest.mark.parametrize("raw, clean", [
    ("——2017 年 12 月 18 日，在中央经济工作会议上的讲话", "——2017年12月18日，在中央经济工作会议上的讲话"),
    ("5G 基站", "5G基站"),
    ("到 2020 年，产业规模达到 100 亿元", "到2020年，产业规模达到100亿元"),
    ("三赢兴 CBD 封装生产线", "三赢兴CBD封装生产线"),
    ("增长 7%，高于全", "增长7%，高于全"),
    ("技术体系。 鼓励", "技术体系。鼓励"),
])
def test_layout_spaces_around_digits_and_latin_are_removed(raw, clean):
    assert remove_layout_spaces(raw) == clean


@pytest.mark.parametrize("text", ["中共中央 国务院关于", "Industry 4.0 is", "第一篇 习近平"])
def test_real_spaces_stay(text):
    assert remove_layout_spaces(text) == text


def test_page_start_space_is_dropped():
    assert clean_line(" 对形势的判断和决策部署上来，") == "对形势的判断和决策部署上来，"


@pytest.mark.parametrize("line, artefact", [
    ("- 5 -", True), ("  - 158 -  ", True), ("市级政策资料.doc", True),
    ("——2017 年 12 月 18 日", False), ("- ——网络建设目标", False), ("5", False),
])
def test_artefact_lines(line, artefact):
    assert is_artefact_line(line) is artefact


def test_content_chars_ignores_only_whitespace():
    assert content_chars(" 2017 年\t12 月\n") == "2017年12月"
