"""The zip for handing out (tools/release.sh): named with version and build date, a checksum that
verifies, and a folder that opens from file:// with working navigation."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import zipfile

import pytest

from compendium.edition.build_info import build_info
from compendium.hosting.release import release_name, write_checksum, write_zip

from support.browsing import visit
from support.project import ROOT, generated_pages

EPOCH = "1764288000"  # 2025-11-28: the build date the release below is made with


def test_zip_is_one_folder_and_the_same_bytes_for_the_same_build(tmp_path):
    site = tmp_path / "site"
    (site / "part1").mkdir(parents=True)
    (site / "index.html").write_text("首页", encoding="utf-8")
    (site / "part1" / "a.html").write_text("甲", encoding="utf-8")
    morning = dt.datetime(2026, 1, 2, 9, 30, 14, tzinfo=dt.timezone.utc)
    first = write_zip(site, tmp_path / "a", "xuexi-1.0-2026-01-02", morning).read_bytes()
    second = write_zip(site, tmp_path / "b", "xuexi-1.0-2026-01-02", morning).read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "a" / "xuexi-1.0-2026-01-02.zip") as z:
        assert z.namelist() == ["xuexi-1.0-2026-01-02/index.html", "xuexi-1.0-2026-01-02/part1/a.html"]
        assert {i.date_time for i in z.infolist()} == {(2026, 1, 2, 9, 30, 14)}
    # A second build of the same day: its files carry another time, so nginx's ETags differ.
    evening = write_zip(site, tmp_path / "c", "xuexi-1.0-2026-01-02", morning.replace(hour=17))
    with zipfile.ZipFile(evening) as z:
        assert {i.date_time for i in z.infolist()} == {(2026, 1, 2, 17, 30, 14)}


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    """./tools/release.sh run as IT staff run it (without the PDF step), into a temporary folder."""
    out = tmp_path_factory.mktemp("dist")
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    # --allow-dirty: a developer's tree may hold uncommitted work (the zip is then named +dirty, as
    # build_info says); CI's checkout is clean. The refusal itself: tests/edition/test_release_checks.py.
    result = subprocess.run([str(ROOT / "tools" / "release.sh"), "--no-pdf", "--allow-dirty", "--out", str(out)],
                            cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_release_is_named_with_version_and_build_date(release):
    date = dt.datetime.fromtimestamp(int(EPOCH), dt.timezone.utc).date().isoformat()
    name = release_name(build_info()["version"], date)
    assert sorted(p.name for p in release.iterdir()) == [f"{name}.zip", f"{name}.zip.sha256"]


def test_checksum_verifies_and_catches_a_changed_byte(release, tmp_path):
    zip_path = next(release.glob("*.zip"))
    check = subprocess.run(["sha256sum", "-c", zip_path.name + ".sha256"], cwd=release, capture_output=True, text=True)
    assert check.returncode == 0 and check.stdout.strip().endswith(": OK")
    copy = tmp_path / zip_path.name
    data = bytearray(zip_path.read_bytes())
    data[len(data) // 2] ^= 1
    copy.write_bytes(bytes(data))
    (tmp_path / (zip_path.name + ".sha256")).write_text((release / (zip_path.name + ".sha256")).read_text())
    assert subprocess.run(["sha256sum", "-c", zip_path.name + ".sha256"], cwd=tmp_path, capture_output=True).returncode


def test_unpacked_release_opens_from_file(release, tmp_path, site, browser):
    zip_path = next(release.glob("*.zip"))
    with zipfile.ZipFile(zip_path) as z:
        z.extractall(tmp_path)
    folder = tmp_path / zip_path.stem
    # The whole site, and the server configuration for IT staff.
    assert {p.relative_to(site).as_posix() for p in site.rglob("*.html")} == \
        {p.relative_to(folder).as_posix() for p in folder.rglob("*.html")}
    assert (folder / "deploy" / "nginx.conf").is_file()
    with visit(browser, (folder / "index.html").as_uri()) as (page, requests):
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        assert page.locator("article h1").first.is_visible()
        assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
        for rel in generated_pages(folder) + ["part5/made-in-china-2025-xianning.html"]:
            page.goto((folder / rel).as_uri())
            assert page.locator("article h1").first.is_visible(), rel
        page.goto((folder / "index.html").as_uri())
        page.locator("a.md-footer__link--next").click()
        page.wait_for_load_state()
        assert page.url.startswith(folder.as_uri()) and page.locator("article h1").first.is_visible()
        assert all(u.startswith(("file://", "data:")) for u in requests), requests
        assert errors == []
