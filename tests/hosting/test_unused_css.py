"""Material's stylesheets trimmed to the rules the site can use (compendium/hosting/unused_css.py):
the rules of what the site lacks are gone, and every element of the pages a reader meets, in both
colour schemes, with the search results and the drawer open, is styled exactly as Material's whole
stylesheets style it."""
from __future__ import annotations

import gzip

from compendium.hosting.unused_css import STYLESHEETS, required_words, trimmed
import tinycss2

from support.browsing import PHONE, DESKTOP
from support.project import ROOT

MATERIAL = ROOT / ".venv/lib/python3.11/site-packages/material/templates"


def _selector(text: str):
    return tinycss2.parse_stylesheet(text + "{}")[0].prelude


# --- the rule ------------------------------------------------------------------------------------


def test_a_selector_needs_its_classes_and_attribute_values_not_what_it_excludes():
    assert required_words(_selector(".md-typeset .admonition.note")) == {"md-typeset", "admonition", "note"}
    assert required_words(_selector('[data-md-color-primary=indigo] .md-header')) == {"indigo", "md-header"}
    assert required_words(_selector("[hidden]")) == set()
    assert required_words(_selector(".md-typeset a:not(.headerlink)")) == {"md-typeset"}
    assert required_words(_selector(":is(.md-post, .md-blog) p")) == set()


def test_rules_and_selectors_no_page_can_match_are_dropped():
    css = ("@font-face{font-family:x}.md-header{a:1}.md-post,.md-typeset{b:2}.md-post p{c:3}"
           "[data-md-color-primary=indigo]{d:4}[data-md-color-primary=custom]{e:5}"
           "@media screen{.md-post{f:6}.md-nav{g:7}}@media print{.md-post{h:8}}/* comment */")
    words = {"md-header", "md-typeset", "md-nav", "custom"}
    assert trimmed(css, words) == (
        "@font-face{font-family:x}.md-header{a:1}.md-typeset{b:2}[data-md-color-primary=custom]{e:5}"
        "@media screen{.md-nav{g:7}}")


# --- the built site --------------------------------------------------------------------------------


def _original(site, built):
    """Material's own stylesheet of the same name as a built one."""
    return MATERIAL / built.relative_to(site)


def test_the_built_site_ships_material_stylesheets_trimmed(site):
    for pattern in STYLESHEETS:
        [built] = site.glob(pattern)
        original = _original(site, built).read_text(encoding="utf-8")
        css = built.read_text(encoding="utf-8")
        assert len(gzip.compress(css.encode())) < 0.8 * len(gzip.compress(original.encode())), built.name
    main = next(site.glob(STYLESHEETS[0])).read_text(encoding="utf-8")
    palette = next(site.glob(STYLESHEETS[1])).read_text(encoding="utf-8")
    assert ".md-header{" in main and ".md-search-result__meta{" in main and ".md-post" not in main
    assert "[data-md-color-scheme=slate]{" in palette and "=indigo]" not in palette


# Every element's computed style, as a list of (tag#id.class, style) pairs.
_STYLES = """() => Array.from(document.querySelectorAll('body *')).map(el => {
  const s = getComputedStyle(el), b = getComputedStyle(el, '::before'), a = getComputedStyle(el, '::after');
  const name = el.tagName + '#' + el.id + '.' + el.getAttribute('class');
  return [name, Array.from(s).sort().map(p => p + ':' + s.getPropertyValue(p)).join(';') + '|' + b.content + b.display
          + '|' + a.content + a.display + a.maskImage];
})"""


def _fulfil_with(body: bytes):
    return lambda route: route.fulfill(body=body, content_type="text/css")


def _styles(browser, url, site, whole: bool, scheme: str, size, steps):
    ctx = browser.new_context(color_scheme=scheme, service_workers="block", **size)  # the same page both times
    try:
        if whole:  # Material's own stylesheets in place of the trimmed ones
            for pattern in STYLESHEETS:
                built = next(site.glob(pattern))
                body = _original(site, built).read_bytes()
                ctx.route(f"**/{built.relative_to(site).as_posix()}", _fulfil_with(body))
        page = ctx.new_page()
        page.goto(url, wait_until="networkidle")
        for step in steps:
            step(page)
        page.wait_for_timeout(400)  # transitions end
        # Material escapes "<" in its icons' data URLs (\3c !--): the same character, written plainly.
        return [[name, style.replace("\\3c ", "<")] for name, style in page.evaluate(_STYLES)]
    finally:
        ctx.close()


def _search(page):
    page.click("label[for=__search]")
    page.fill("input.md-search__input", "绿色发展")
    page.wait_for_selector(".md-search-result__item")
    count = -1
    while count != (count := page.locator(".md-search-result__item").count()):
        page.wait_for_timeout(500)  # until the list has all it shows


def _drawer(page):
    page.click(".md-header label[for=__drawer]")


def test_pages_look_the_same_as_with_material_whole_stylesheets(site, server, browser):
    cases = [("index.html", "light", PHONE, []), ("part5/sci-tech-innovation-13th-plan.html", "dark", PHONE, []),
             ("targets/digital.html", "light", DESKTOP, []), ("indexes/timeline.html", "light", PHONE, []),
             ("en/part2/agricultural-development-mode.html", "dark", DESKTOP, []),
             ("part1/index.html", "light", PHONE, [_search]), ("about.html", "dark", PHONE, [_drawer]),
             ("offline.html", "light", PHONE, [])]
    for path, scheme, size, steps in cases:
        assert (site / path).is_file(), path
        trimmed_styles = _styles(browser, server + path, site, False, scheme, size, steps)
        whole_styles = _styles(browser, server + path, site, True, scheme, size, steps)
        assert len(trimmed_styles) > 30, path  # a page, not an error
        differ = [a[0] for a, b in zip(trimmed_styles, whole_styles) if a != b]
        assert len(trimmed_styles) == len(whole_styles) and not differ, (path, scheme, differ[:10])
