"""Repairs of Material 9.8.2's own markup, on the markup Material writes (copied from a build)."""
from compendium.reader.material_markup import (drop_checkbox_autocomplete, drop_language_alternates,
                                               mark_language_names, name_search_dialog, name_section_toggles,
                                               repair_material_markup)

TOGGLES = """<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
<input type="text" class="md-search__input" name="query" aria-label="搜索" placeholder="搜索" autocomplete="off">"""

SEARCH = """<div class="md-search" data-md-component="search" role="dialog">
  <label class="md-search__overlay" for="__search"></label>
  <div class="md-search__inner" role="search">
    <form class="md-search__form" name="search">
      <input type="text" class="md-search__input" name="query" aria-label="搜索" placeholder="搜索" autocomplete="off">"""

SECTION = """<div class="md-nav__link md-nav__container">
  <a href="../part1/index.html" class="md-nav__link "><span class="md-ellipsis">第一篇 论述</span></a>
  <label class="md-nav__link " for="__nav_2" id="__nav_2_label" tabindex="0">
    <span class="md-nav__icon md-icon"></span>
  </label>
</div>
<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_2_label" aria-expanded="false">
  <label class="md-nav__title" for="__nav_2">
    <span class="md-nav__icon md-icon"></span>
    第一篇 &lt;习近平&gt; 论述
  </label>"""

NAMED_SECTION = """<label class="md-nav__link" for="__nav_3" id="__nav_3_label" tabindex="0">
  <span class="md-ellipsis">第二篇</span>
  <span class="md-nav__icon md-icon"></span>
</label>"""


def test_checkbox_toggles_lose_autocomplete_and_the_text_field_keeps_it():
    out = drop_checkbox_autocomplete(TOGGLES)
    assert '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">' in out
    assert '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">' in out
    assert 'placeholder="搜索" autocomplete="off">' in out


def test_search_dialog_takes_the_name_of_its_field():
    out = name_search_dialog(SEARCH)
    assert out.startswith('<div class="md-search" data-md-component="search" role="dialog" aria-label="搜索">')
    assert name_search_dialog(out) == out, "a named dialog is left as it is"


def test_icon_only_section_toggle_gets_the_section_title_for_screen_readers():
    out = name_section_toggles(SECTION)
    assert ('<span class="md-nav__icon md-icon"></span><span class="visually-hidden">第一篇 &lt;习近平&gt; 论述</span>\n'
            "  </label>") in out
    assert out.count("visually-hidden") == 1, "the section title label keeps its visible text only"


def test_a_toggle_with_text_is_left_alone():
    assert name_section_toggles(NAMED_SECTION) == NAMED_SECTION

SELECTOR = """<li class="md-select__item">
            <a href="../../part2/5g-development.html" hreflang="zh" class="md-select__link">
              中文
            </a>
          </li>
          <li class="md-select__item">
            <a href="5g-development.html" hreflang="en" class="md-select__link">"""


def test_each_language_of_the_selector_is_named_in_its_own_language():
    out = mark_language_names(SELECTOR)
    assert '<a href="../../part2/5g-development.html" hreflang="zh" lang="zh" class="md-select__link">' in out
    assert '<a href="5g-development.html" hreflang="en" lang="en" class="md-select__link">' in out


def test_the_heads_language_alternates_go_and_the_feeds_stay():
    head = """<link rel="next" href="hubei-5g-industry.html">
          <link rel="alternate" href="../../part2/5g-development.html" hreflang="zh">
          <link rel="alternate" href="5g-development.html" hreflang="en">
        <link rel="alternate" type="application/rss+xml" title="RSS" href="feed_rss_created.xml">"""
    out = drop_language_alternates(head)
    assert "hreflang" not in out and 'rel="next"' in out and "application/rss+xml" in out


def test_markup_from_another_material_version_is_left_alone():
    other = '<div class="md-search" role="dialog" aria-labelledby="t">' + TOGGLES.replace('type="checkbox"', 'type="radio"')
    assert repair_material_markup(other) == other
