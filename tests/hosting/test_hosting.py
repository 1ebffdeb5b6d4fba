"""The site behind real nginx, with the configuration the build ships (deploy/nginx.conf), at the
server root and under a sub-path: status codes, headers, compression, cache lifetimes, the 404
page, and a Content-Security-Policy under which every kind of page and search work with no
violation. And no page requests anything outside the site, over http and from file://."""
from __future__ import annotations

import base64
import gzip
import hashlib
import http.client
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from compendium.book.errors import PageError
from compendium.hosting.csp import inline_scripts, policy, script_hash
from compendium.hosting.nginx import SITE_PATH, render, url_prefix

from support.browsing import PHONE, search_finds
from support.project import ROOT, SUBPATH, generated_pages, page_kinds, run_mkdocs_build

# Headers a document (a page, a worker's script) needs; never sent with an image, a stylesheet or a 304.
DOCUMENT_HEADERS = {"x-frame-options": "SAMEORIGIN", "referrer-policy": "same-origin",
                    "cross-origin-opener-policy": "same-origin",
                    "permissions-policy": "camera=(), microphone=(), geolocation=()"}
# Listens for CSP violations in every page of a context, before any script of the page runs.
WATCH_CSP = ("window.__violations = [];"
             "document.addEventListener('securitypolicyviolation', e => window.__violations.push("
             "e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));")


# --- core: hashes, policy, rendering -----------------------------------------------------------


def test_inline_script_hash_is_the_one_browsers_compute():
    # The example of the CSP specification (and MDN): alert('Hello, world.');
    assert script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_only_executable_inline_scripts_are_hashed():
    page = ('<script src="a.js"></script><script type="application/json">{"a": 1}</script>'
            '<script>var x = "</p>";</script><script type="text/javascript">y()</script>')
    assert inline_scripts(page) == ['var x = "</p>";', "y()"]


def test_policy_allows_no_inline_script_but_the_hashed_ones():
    csp = policy(["'sha256-abc='"])
    assert "script-src 'self' 'sha256-abc='" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "object-src 'none'" in csp


def test_server_path_comes_from_site_url():
    assert url_prefix(None) == "/" and url_prefix("https://intranet/") == "/"
    assert url_prefix("https://intranet/xuexi") == "/xuexi/" and url_prefix("https://intranet/a/b/") == "/a/b/"
    with pytest.raises(PageError, match="site_url"):
        url_prefix("https://intranet/学习/")


def test_a_site_url_that_nginx_cannot_serve_stops_the_build(tmp_path):
    result = run_mkdocs_build(ROOT, tmp_path / "site", SITE_URL="https://intranet/学习 资料/")
    assert result.returncode != 0 and "Bad site_url: mkdocs.yml: site_url:" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_placeholder_in_the_template_names_its_line():
    with pytest.raises(PageError, match=r"nginx.conf.in:2: @ROOTS@: unknown placeholder"):
        render("listen 80;\nalias @ROOTS@;\n", version="1", date="d", prefix="/", csp="x")


# --- the shipped configuration -----------------------------------------------------------------


def shipped(site: Path) -> str:
    return (site / SITE_PATH).read_text(encoding="utf-8")


def shipped_csp(site: Path) -> str:
    """The Content-Security-Policy a build's configuration sends with its documents."""
    return re.search(r'map \$xuexi_document \$xuexi_csp \{\s*1\s+"([^"]+)";', shipped(site)).group(1)


# An inline script a browser runs: no src, no data type (Material's configuration is JSON).
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S)


def test_every_inline_script_of_every_page_is_allowed_by_hash(site, subpath_site):
    for built in (site, subpath_site):
        csp = shipped_csp(built)
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        pages = list(built.rglob("*.html"))
        assert len(pages) > 40
        for page in pages:
            for script in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
                digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
                assert f"'sha256-{digest}'" in csp, f"{page.relative_to(built)}: inline script not allowed"


def test_configuration_serves_the_path_of_site_url(site, subpath_site):
    assert "    location / {\n" in shipped(site) and "error_page 404 /404.html;" in shipped(site)
    sub = shipped(subpath_site)
    assert f"    location {SUBPATH} {{\n" in sub and f"error_page 404 {SUBPATH}404.html;" in sub
    # Material's 404 page links to its assets by absolute paths: those of the sub-path.
    page = (subpath_site / "404.html").read_text(encoding="utf-8")
    assert f'href="{SUBPATH}assets/stylesheets/' in page and 'href="/assets/' not in page


# --- nginx over HTTP -----------------------------------------------------------------------------


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """One GET without following redirects: status, headers (lower-case names), body as sent."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request("GET", parts.path or "/", headers={"Accept-Encoding": "gzip", **headers})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


@pytest.fixture(scope="module", params=["root", "sub-path"])
def served(request, site, subpath_site, nginx_root, nginx_subpath) -> tuple[str, Path]:
    """(base URL, site folder): the root build at /, the sub-path build under SUBPATH."""
    return (nginx_root, site) if request.param == "root" else (nginx_subpath, subpath_site)


def test_pages_are_compressed_and_revalidated(served):
    base, folder = served
    for rel in ("", "index.html", "part1/index.html"):
        status, headers, body = get(base + rel)
        assert status == 200, rel
        assert headers["content-type"] == "text/html; charset=utf-8"
        assert headers["content-encoding"] == "gzip" and "Accept-Encoding" in headers["vary"]
        assert gzip.decompress(body) == (folder / (rel or "index.html")).read_bytes()
        assert headers["cache-control"] == "no-cache"
        # An unchanged page costs a 304 and no body.
        status, _, body = get(base + rel, **{"If-None-Match": headers["etag"]})
        assert status == 304 and body == b""


def test_hashed_assets_are_cached_for_a_year(served):
    base, folder = served
    hashed = [p.relative_to(folder).as_posix() for p in (folder / "assets").rglob("*.min.*")
              if re.search(r"\.[0-9a-f]{8}\.min\.(js|css)$", p.name)]
    assert len(hashed) >= 3  # Material's bundle, its stylesheets, the search worker
    for rel in hashed:
        status, headers, body = get(base + rel)
        assert status == 200 and headers["cache-control"] == "public, max-age=31536000, immutable", rel
        assert headers["content-encoding"] == "gzip" and len(body) < (folder / rel).stat().st_size / 2, rel
    status, headers, _ = get(base + "assets/stylesheets/site.css")  # not hashed: revalidated
    assert status == 200 and headers["cache-control"] == "no-cache"


def test_data_files_have_their_types(served):
    base, _ = served
    for rel, kind in (("data/labels.yml", "text/yaml; charset=utf-8"),
                      ("search/search_index.json", "application/json; charset=utf-8")):
        status, headers, _ = get(base + rel)
        assert status == 200 and headers["content-type"] == kind, rel


def test_document_headers_on_documents_only_and_the_common_ones_on_every_answer(served):
    base, folder = served
    csp = shipped_csp(folder)
    documents = ("index.html", "part1/index.html", "no-such-page.html", "sw.js", "assets/javascripts/search-worker.js")
    assets = ("assets/stylesheets/site.css", "assets/images/favicon.svg", "assets/javascripts/reader.js",
              "data/targets.json", "search/index.zh.js")
    for rel in documents + assets:
        status, headers, _ = get(base + rel)
        assert headers["x-content-type-options"] == "nosniff" and headers["cache-control"], rel
        assert "server" not in headers or "/" not in headers["server"]  # no version number
        if rel in documents:
            assert headers["content-security-policy"] == csp, rel
            for name, value in DOCUMENT_HEADERS.items():
                assert headers[name] == value, (rel, name)
        else:
            assert status == 200 and not {"content-security-policy", *DOCUMENT_HEADERS} & set(headers), rel
        # Revalidated unchanged (304): only what a cache needs, the common headers kept.
        if status == 200:
            status, again, body = get(base + rel, **{"If-None-Match": headers["etag"]})
            assert status == 304 and not body, rel
            assert again["x-content-type-options"] == "nosniff" and again["cache-control"] == headers["cache-control"]
            assert not {"content-security-policy", *DOCUMENT_HEADERS} & set(again), rel


def test_missing_pages_get_the_sites_404_page(served):
    base, folder = served
    for rel in ("no-such-page.html", "part1/no-such-page.html", "a/b/c/", "deploy/nginx.conf"):
        status, headers, body = get(base + rel)
        assert status == 404, rel
        assert gzip.decompress(body) == (folder / "404.html").read_bytes(), rel
        assert headers["cache-control"] == "no-cache"


def test_sub_path_without_slash_redirects_to_the_site(nginx_subpath):
    status, headers, _ = get(nginx_subpath.rstrip("/"))
    assert status == 301 and headers["location"] == SUBPATH


# --- in Chromium: no CSP violation, nothing from outside ---------------------------------------


class Watched:
    """A browser context that records, page by page, CSP violations, console errors (with the URL
    they name) and requests outside the site (which it refuses)."""

    def __init__(self, browser, base: str, **context) -> None:
        self.base = base
        self.ctx = browser.new_context(**context)
        self.ctx.add_init_script(WATCH_CSP)
        self.ctx.route("**/*", self._route)
        self.page = self.ctx.new_page()
        self.page.on("request", lambda r: None if self._inside(r.url) else self.outside.append(r.url))
        self.page.on("console", lambda m: self.errors.append(f"{m.text} [{m.location.get('url')}]")
                     if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.outside: list[str] = []
        self.errors: list[str] = []

    def _inside(self, url: str) -> bool:
        return url.startswith((self.base, "data:", "blob:"))

    def _route(self, route) -> None:
        if self._inside(route.request.url):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def open(self, rel: str):
        """Go to `rel` under the base URL, with fresh records; returns the page."""
        self.outside, self.errors = [], []
        # Over http, wait until the network is quiet, so that late requests are seen too.
        self.page.goto(self.base + rel, wait_until="load" if self.base.startswith("file:") else "networkidle")
        return self.page

    def violations(self) -> list[str]:
        return self.page.evaluate("() => window.__violations")

    def __enter__(self) -> Watched:
        return self

    def __exit__(self, *exc) -> None:
        self.ctx.close()


def test_the_violation_watch_catches_a_violation(browser, nginx_root):
    # The check below can fail: an inline script that the build did not hash is refused and seen.
    with Watched(browser, nginx_root) as w:
        page = w.open("index.html")
        page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.x = 1';"
                      " document.body.append(s); }")
        page.wait_for_timeout(200)
        assert w.violations() and any("Content Security Policy" in e for e in w.errors)
        assert page.evaluate("() => window.x") is None


def check_pages(w: Watched, pages: dict[str, str]) -> None:
    """Each page opens with no CSP violation, no error, nothing from outside, styled, with its title."""
    for kind, rel in pages.items():
        page = w.open(rel)
        assert w.violations() == [], f"{kind} ({rel}): {w.violations()}"
        # The 404 page's own status is reported as a failed resource; nothing else may fail.
        errors = [e for e in w.errors if not (kind == "404" and "status of 404" in e)]
        assert errors == [], f"{kind} ({rel}): {errors}"
        assert w.outside == [], f"{kind} ({rel}) requested {w.outside}"
        # Styled: Material's stylesheet applies (its header sticks to the top).
        assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky", kind
        assert page.locator("article h1").first.is_visible(), kind


def test_every_kind_of_page_works_under_the_policy_and_requests_nothing_outside(browser, site, nginx_root):
    with Watched(browser, nginx_root, **PHONE) as w:
        check_pages(w, page_kinds(site))


def test_pages_of_every_depth_work_under_a_sub_path(browser, subpath_site, nginx_subpath):
    # What a sub-path changes: the inline scripts (by depth) and the 404 page's absolute links.
    kinds = page_kinds(subpath_site)
    pages = {kind: rel for kind, rel in kinds.items() if kind in ("home", "document", "404")}
    for rel in kinds.values():  # one page of every deeper folder level (generated pages), if any
        pages.setdefault(f"depth {rel.count('/')}", rel)
    with Watched(browser, nginx_subpath, **PHONE) as w:
        check_pages(w, pages)


def test_404_page_works_deep_in_the_site(browser, served):
    # A missing page two folders down still gets the 404 page with its stylesheet, its scripts and
    # working links, at the root and under the sub-path.
    base, _ = served
    with Watched(browser, base) as w:
        page = w.open("part1/a/no-such-page.html")
        assert "页面不存在" in page.locator("article h1").inner_text()
        assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
        assert w.violations() == [] and w.outside == []
        page.locator("article a").first.click()
        page.wait_for_load_state()
        assert page.url == base + "index.html" and page.locator("article h1").first.is_visible()


def test_search_works_under_the_policy(browser, served):
    base, _ = served
    with Watched(browser, base) as w:
        page = w.open("part1/index.html")
        assert search_finds(page, "5G基站", "part2/5g-development.html"), "no result under the policy"
        assert w.violations() == [] and w.errors == [] and w.outside == []


def test_every_kind_of_page_works_from_file_and_requests_nothing_outside(browser, site):
    with Watched(browser, site.as_uri() + "/", **PHONE) as w:
        for kind, rel in page_kinds(site).items():
            if kind == "404":
                continue  # a server's answer; from a folder there is no missing address to answer
            page = w.open(rel)
            assert w.outside == [], f"{kind} ({rel}) requested {w.outside}"
            assert w.errors == [], f"{kind} ({rel}): {w.errors}"
            assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky", kind
            assert page.locator("article h1").first.is_visible(), kind


def test_navigation_reaches_every_generated_page_from_file(browser, site):
    # From a folder, the navigation of the home page links to every generated page (each of which
    # opens from file://, above), the target table's sector pages through its overview, but the
    # offline page, which only the service worker shows; the quizzes through 自测; and the footer
    # walks from page to page.
    root = site.as_uri() + "/"
    with Watched(browser, root) as w:
        page = w.open("index.html")
        links = set(page.locator("nav.md-nav--primary a[href]").evaluate_all("els => els.map(e => e.href)"))
        assert root + "offline.html" not in links
        # The target table's sector pages and the quizzes are reached through their landing pages.
        for landing in ("targets/index.html", "quiz/index.html"):
            opened = w.open(landing)
            links |= set(opened.locator("article a[href]").evaluate_all("els => els.map(e => e.href.split('?')[0])"))
        page = w.open("index.html")
        for rel in generated_pages(site):
            assert root + rel in links or rel == "offline.html", f"the navigation does not link to {rel}"
        page.locator("a.md-footer__link--next").click()
        page.wait_for_load_state()
        assert page.url.startswith(root) and page.url.endswith(".html") and page.url != root + "index.html"
