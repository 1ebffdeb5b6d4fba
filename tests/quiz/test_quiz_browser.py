"""自测 in real Chromium at phone width, over http and from file://: a reader answers a quiz, sees
right or wrong, the answer and its source, the score; finds the wrong answers in the 错题本 after a
reload and clears them; the 每日一练 gives the day's ten, the same as compendium.quiz.daily; with
JavaScript off every answer is behind 查看答案."""
from __future__ import annotations

import json

import pytest

from compendium.book.labels import load_labels
from compendium.quiz.daily import daily_indexes
from support.browsing import PHONE
from support.studying import record

playwright_api = pytest.importorskip("playwright.sync_api")

L = load_labels()


@pytest.fixture(params=["http", "file"])
def base(request, server, site):
    return server if request.param == "http" else site.as_uri() + "/"


@pytest.fixture
def phone(browser):
    ctx = browser.new_context(**PHONE)
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    ctx.close()
    assert not errors, errors


def first_quiz(site) -> str:
    return sorted(p.name for p in (site / "quiz").glob("part2*.html"))[0]


def test_a_reader_answers_a_quiz_sees_the_score_and_finds_the_wrong_answers_after_a_reload(phone, base, site):
    phone.goto(base + "quiz/" + first_quiz(site), wait_until="networkidle")
    questions = phone.locator("li.quiz-q")
    n = questions.count()
    assert n > 0 and phone.locator(".quiz-end").is_hidden()
    wrong_ids = []
    for i in range(n):
        q = questions.nth(i)
        right = int(q.get_attribute("data-a"))
        choice = right if i % 3 else (right + 1) % q.locator(".quiz-options > li").count()
        q.locator(".quiz-options > li").nth(choice).click()  # the first touch loads quiz.js
        verdict = q.locator(".quiz-verdict").inner_text()
        key = q.locator("details.quiz-key")
        assert key.evaluate("d => d.open")
        assert q.locator(".quiz-source a").is_visible() and q.locator(".quiz-src").inner_text()
        if choice == right:
            assert verdict.startswith("回答正确")
        else:
            assert verdict.startswith("回答错误") and "ABCD"[right] in verdict
            wrong_ids.append(q.get_attribute("data-q"))
    end = phone.locator(".quiz-end")
    assert end.is_visible() and f"{n - len(wrong_ids)}/{n}" in end.inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0
    # The source link leads to the sentence.
    href = questions.first.locator(".quiz-source a").get_attribute("href")
    assert href.startswith("../part") and "#" in href
    # The 错题本, after a reload of the 自测 page.
    phone.goto(base + "quiz/index.html", wait_until="networkidle")
    phone.reload(wait_until="networkidle")
    kept = phone.locator(".quiz-wrong li.quiz-q")
    assert sorted(kept.evaluate_all("l => l.map(e => e.getAttribute('data-q'))")) == sorted(wrong_ids)
    assert sorted(record(phone)["quiz"]["wrong"]) == sorted(wrong_ids)
    # Another try: answered right, a question leaves the list.
    first = kept.first
    first.locator(".quiz-opt").nth(int(first.get_attribute("data-a"))).click()
    assert "移出错题本" in first.locator(".quiz-verdict").inner_text()
    phone.reload(wait_until="networkidle")
    assert phone.locator(".quiz-wrong li.quiz-q").count() == len(wrong_ids) - 1


def test_the_daily_ten_is_the_days_draw(phone, base, site):
    bank = json.loads((site / "data" / "quiz.json").read_text(encoding="utf-8"))
    for date in ("2026-12-07", "2026-12-08"):
        phone.goto(base + f"quiz/daily.html?date={date}", wait_until="networkidle")
        assert phone.locator("li.quiz-q").count() == 0, "nothing is loaded before the reader starts"
        phone.locator("[data-quiz-bank]").click()
        phone.wait_for_selector("li.quiz-q")
        ids = phone.locator("li.quiz-q").evaluate_all("l => l.map(e => e.getAttribute('data-q'))")
        assert ids == [bank[i]["id"] for i in daily_indexes(date, len(bank))]


def test_without_javascript_every_answer_is_behind_a_disclosure(browser, server, site):
    ctx = browser.new_context(**PHONE, java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(server + "quiz/" + first_quiz(site))
        q = page.locator("li.quiz-q").first
        assert q.locator(".quiz-answer").is_hidden()
        q.locator("summary").click()
        assert q.locator(".quiz-answer").is_visible() and q.locator(".quiz-source a").is_visible()
    finally:
        ctx.close()


def test_the_wrong_answers_survive_the_backup_export_and_import(phone, server, site, tmp_path):
    phone.goto(server + "quiz/" + first_quiz(site), wait_until="networkidle")
    q = phone.locator("li.quiz-q").first
    q.locator(".quiz-options > li").nth((int(q.get_attribute("data-a")) + 1) % 2).click()
    wrong = q.get_attribute("data-q")
    phone.goto(server + "study.html", wait_until="networkidle")
    with phone.expect_download() as download:
        phone.locator("[data-study-action=backup]").click()
    backup = tmp_path / "backup.json"
    download.value.save_as(backup)
    data = json.loads(backup.read_text(encoding="utf-8"))
    assert list(data["quiz"]["wrong"]) == [wrong]
    # A new device: nothing kept; the backup imported brings the 错题本 back.
    phone.evaluate("localStorage.clear()")
    phone.reload(wait_until="networkidle")
    phone.set_input_files("#study-import-file", str(backup))
    phone.wait_for_function("() => document.querySelector('.study-status').textContent !== ''")
    phone.goto(server + "quiz/index.html", wait_until="networkidle")
    assert phone.locator(".quiz-wrong li.quiz-q").evaluate_all("l => l.map(e => e.getAttribute('data-q'))") == [wrong]
    # A damaged 错题本 in a backup changes nothing.
    data["quiz"]["wrong"][wrong]["a"] = 99
    backup.write_text(json.dumps(data), encoding="utf-8")
    phone.goto(server + "study.html", wait_until="networkidle")
    phone.set_input_files("#study-import-file", str(backup))
    phone.wait_for_function("() => document.querySelector('.study-status').textContent !== ''")
    assert phone.locator(".study-status").inner_text() == L("study.bad_file")
