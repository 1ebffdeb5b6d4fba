"""The 自测 pages, the published bank (data/quiz.json) and the bank script of the daily set.

- The quizzes: one per part where the part has enough questions (a smaller part joins the next
  one, the last the one before), each split into pages of at most PER_PAGE questions of even
  size, and a mixed quiz of questions drawn evenly from the whole bank.
- A quiz page reads without JavaScript: each question with its options (A, B, C, D) and its answer
  and source behind a disclosure (``<details>``, 查看答案). quiz.js makes the options buttons, says
  right or wrong, opens the disclosure, counts the score and keeps the wrong answers (错题本) in
  我的学习's record. Quiz pages stay out of the search index (``search: exclude``).
- The 自测 landing page lists the quizzes and holds the 错题本 (filled by quiz.js); the 每日一练
  page loads the bank script (``quiz/bank.js``: every question, in bank order) when the reader
  starts, and quiz.js draws the day's ten (compendium.quiz.daily).

Everything the site adds is marked ``generated``; on an English page a Chinese question (the
remarks') is marked ``lang="zh-CN"``, a target question's printed values too.
"""
from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass

from compendium.book.formatting import CN_PART
from compendium.book.labels import HTML_LANG, Labels
from compendium.quiz.bank import Question

FOLDER = "quiz"
INDEX, DAILY_PAGE, MIXED = f"{FOLDER}/index.md", f"{FOLDER}/daily.md", f"{FOLDER}/mixed.md"
BANK_SCRIPT = f"{FOLDER}/bank.js"
PER_PAGE = 40
MIN_QUIZ = 10  # a part with fewer questions joins another part's quiz
MIXED_SIZE = 30
LETTERS = "ABCDEFGH"
# Labels the script reads (data-quiz-labels on a quiz list), by their key under quiz.
SCRIPT_LABELS = ("answer", "right", "wrong", "score", "choose", "again", "none_wrong", "wrong_count", "daily_of",
                 "source", "source_link", "show_answer", "cleared", "no_storage")


@dataclass(frozen=True)
class QuizPage:
    """One page of a quiz: its file under docs/ (quiz/part2-1.md), title, questions."""

    src: str
    slug: str
    title: str
    group: str  # the quiz it is a page of (part2, part3-5, mixed)
    number: int
    pages: int
    questions: list[Question]


# --- model -----------------------------------------------------------------------------------


def part_groups(questions: list[Question]) -> list[tuple[int, ...]]:
    """The parts each quiz covers: a part with fewer than MIN_QUIZ questions joins the next (the last
    joins the one before)."""
    counts: dict[int, int] = {}
    for q in questions:
        counts[q.part] = counts.get(q.part, 0) + 1
    groups: list[list[int]] = []
    pending: list[int] = []
    for part in sorted(counts):
        pending.append(part)
        if sum(counts[p] for p in pending) >= MIN_QUIZ:
            groups.append(pending)
            pending = []
    if pending:
        if groups:
            groups[-1] += pending
        else:
            groups.append(pending)
    return [tuple(g) for g in groups]


def plan_pages(questions: list[Question], labels: Labels) -> list[QuizPage]:
    """The quiz pages: each part group in pages of even size (≤ PER_PAGE), then the mixed quiz."""
    out = []
    for parts in part_groups(questions):
        mine = [q for q in questions if q.part in parts]
        n = math.ceil(len(mine) / PER_PAGE)
        size = math.ceil(len(mine) / n)
        group = f"part{parts[0]}" + (f"-{parts[-1]}" if len(parts) > 1 else "")
        for i in range(n):
            slug = f"{group}-{i + 1}" if n > 1 else group
            title = parts_name(parts, labels) + (labels("quiz.page_of").format(number=i + 1, pages=n) if n > 1 else "")
            out.append(QuizPage(f"{FOLDER}/{slug}.md", slug, title, group, i + 1, n, mine[i * size:(i + 1) * size]))
    out.append(QuizPage(MIXED, "mixed", labels("quiz.mixed"), "mixed", 1, 1, mixed(questions)))
    return out


def mixed(questions: list[Question], size: int = MIXED_SIZE) -> list[Question]:
    """Questions drawn evenly from the whole bank, every kind and part in its share."""
    if len(questions) <= size:
        return list(questions)
    return [questions[(2 * i + 1) * len(questions) // (2 * size)] for i in range(size)]


def parts_name(parts: tuple[int, ...], labels: Labels) -> str:
    if labels.lang == "en":
        names = [str(p) for p in parts]
        return (f"Part {names[0]}" if len(names) == 1 else
                f"Parts {', '.join(names[:-1])} and {names[-1]}")
    if len(parts) == 1:
        return CN_PART[parts[0]]
    return "第" + "、".join(CN_PART[p][1] for p in parts) + "篇"


# --- render ----------------------------------------------------------------------------------


def _front(title: str) -> str:
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\nsearch:\n  exclude: true\nhide:\n  - toc\n---\n\n"


def _labels_attr(labels: Labels) -> str:
    data = {k: labels(f"quiz.{k}") for k in SCRIPT_LABELS}
    return html.escape(json.dumps(data, ensure_ascii=False, separators=(",", ":")), quote=True)


def render_question(q: Question, labels: Labels, root: str) -> str:
    """One question as a list item: stem, options, and the answer and source behind 查看答案.
    `root` leads from the page to its edition's root (../)."""
    original = labels.lang != "zh"
    lang = f' lang="{HTML_LANG["zh"]}"' if original and q.lang == "zh" else ""
    value = (lambda s: labels.original(html.escape(s))) if original and q.kind == "target" else html.escape
    options = "".join(f"<li>{value(o)}</li>" for o in q.options)
    excerpt = f'<blockquote class="quiz-excerpt"><p>{html.escape(q.excerpt)}</p></blockquote>' if q.excerpt else ""
    # Labels of the answer part are in the question's language where the question is Chinese.
    words = labels.in_language("zh") if lang else labels
    answer = html.escape(words("quiz.answer")).format(letter=LETTERS[q.answer], answer=value(q.answer_text))
    title = labels.original(html.escape(q.title)) if original and q.kind != "target" and not lang else html.escape(q.title)
    text = f'<span class="quiz-src">{html.escape(q.source)}</span>'
    source = (f'<p class="quiz-source">{html.escape(words("quiz.source"))}'
              f'{labels.original(text) if original and not lang else text} '
              f'<a href="{html.escape(root + q.url)}">{html.escape(words("quiz.source_link"))}{title}</a></p>')
    return (f'<li class="quiz-q" data-q="{q.id}" data-a="{q.answer}"{lang}>'
            f'<p class="quiz-stem">{html.escape(q.stem)}</p>{excerpt}'
            f'<ol class="quiz-options" type="A">{options}</ol>'
            f'<details class="quiz-key"><summary>{html.escape(words("quiz.show_answer"))}</summary>'
            f'<p class="quiz-answer">{answer}</p>{source}</details></li>')


def render_quiz_page(page: QuizPage, pages: list[QuizPage], labels: Labels) -> str:
    """The Markdown of a quiz page (reader.js loads quiz.js at the reader's first touch of a question)."""
    root = "../"
    siblings = [p for p in pages if p.group == page.group]
    nav = ""
    if len(siblings) > 1:
        links = " · ".join(f'<a href="{p.slug}.html">{p.number}</a>' if p is not page
                           else f'<strong aria-current="page">{p.number}</strong>' for p in siblings)
        nav = (f'<nav class="quiz-nav generated" aria-label="{html.escape(page.title)}">'
               f'{html.escape(labels("quiz.pages"))}{links}</nav>\n\n')
    items = "\n".join(render_question(q, labels, root) for q in page.questions)
    return (_front(page.title) + f"# {page.title}\n\n"
            f'<p class="quiz-intro generated">{html.escape(labels("quiz.page_intro").format(n=len(page.questions)))} '
            f'<a href="index.html">{html.escape(labels("quiz.back"))}</a></p>\n\n{nav}'
            f'<ol class="quiz-list generated" data-quiz="{page.slug}" data-quiz-labels="{_labels_attr(labels)}" '
            f'data-search-exclude>\n{items}\n</ol>\n\n'
            f'<p class="quiz-end generated" role="status" hidden></p>\n')


def render_index(pages: list[QuizPage], total: int, labels: Labels, downloads: dict[str, str]) -> str:
    """The 自测 landing page: the daily set, the quizzes by part, the mixed one, the 错题本, downloads."""
    groups: dict[str, list[QuizPage]] = {}
    for p in pages:
        groups.setdefault(p.group, []).append(p)
    rows = []
    for group, mine in groups.items():
        n = sum(len(p.questions) for p in mine)
        name = mine[0].title if len(mine) == 1 else mine[0].title.split(labels("quiz.page_of").split("{")[0])[0]
        links = " · ".join(f'<a href="{p.slug}.html">{html.escape(labels("quiz.page_n").format(number=p.number))}</a>'
                           for p in mine) if len(mine) > 1 else f'<a href="{mine[0].slug}.html">{html.escape(name)}</a>'
        head = html.escape(name) + "：" if len(mine) > 1 and labels.lang == "zh" else (
            html.escape(name) + ": " if len(mine) > 1 else "")
        rows.append(f"<li>{head}{links}（{html.escape(labels('quiz.count').format(n=n))}）</li>"
                    if labels.lang == "zh" else
                    f"<li>{head}{links} ({html.escape(labels('quiz.count').format(n=n))})</li>")
    links = " · ".join(f'<a href="{html.escape(url)}" download>{html.escape(labels(key))}</a>'
                       for key, url in downloads.items())
    return (_front(labels("quiz.title")) + f"# {labels('quiz.title')}\n\n"
            f'<div class="quiz-home generated" data-search-exclude>\n'
            f'<p>{html.escape(labels("quiz.intro").format(n=total))}</p>\n'
            f'<p><a href="daily.html">{html.escape(labels("quiz.daily"))}</a>'
            f'{html.escape(labels("quiz.daily_note"))}</p>\n'
            f'<ul>\n' + "\n".join(rows) + "\n</ul>\n"
            f'<p>{html.escape(labels("quiz.downloads"))}{links}</p>\n</div>\n\n'
            f'<h2 id="wrong">{html.escape(labels("quiz.wrong_book"))}</h2>\n\n'
            f'<div class="quiz-wrong generated" data-search-exclude>'
            f'<p class="quiz-wrong-note">{html.escape(labels("quiz.wrong_note"))}</p>'
            f'<ol class="quiz-list" data-quiz="wrong" data-quiz-labels="{_labels_attr(labels)}"></ol>'
            f'<p class="quiz-end" role="status" hidden></p></div>\n')


def render_daily(labels: Labels, bank: str, total: int) -> str:
    """The 每日一练 page: without JavaScript, a note and the way to the quizzes; with it, a button
    that loads the bank script and shows the day's ten."""
    return (_front(labels("quiz.daily")) + f"# {labels('quiz.daily')}\n\n"
            f'<div class="quiz-daily generated" data-search-exclude>\n'
            f'<p>{html.escape(labels("quiz.daily_intro").format(n=total))}</p>\n'
            f'<noscript><p>{html.escape(labels("quiz.daily_nojs"))} '
            f'<a href="index.html">{html.escape(labels("quiz.back"))}</a></p></noscript>\n'
            f'<p class="quiz-start reader-js-only"><button type="button" class="md-button md-button--primary" '
            f'data-quiz-bank="{html.escape(bank)}">{html.escape(labels("quiz.daily_start"))}</button></p>\n'
            f'<ol class="quiz-list" data-quiz="daily" data-quiz-labels="{_labels_attr(labels)}"></ol>\n'
            f'<p class="quiz-end" role="status" hidden></p>\n</div>\n')


# --- published data --------------------------------------------------------------------------


def bank_records(questions: list[Question]) -> list[dict]:
    """data/quiz.json: one record per question, in bank order (the order of the daily draw)."""
    return [{"id": q.id, "kind": q.kind, "part": q.part, "question": q.stem, "excerpt": q.excerpt or None,
             "options": list(q.options), "answer": q.answer_text, "answer_index": q.answer, "source": q.source,
             "document": q.title, "url": q.url, "covers": list(q.covers)} for q in questions]


def bank_script(questions: list[Question], labels: Labels) -> bytes:
    """quiz/bank.js: the bank as quiz.js renders a question (stem, excerpt, options, answer,
    source, URL from the edition's root, title, language), for the daily set."""
    rows = [{"i": q.id, "s": q.stem, "e": q.excerpt, "o": list(q.options), "a": q.answer, "src": q.source,
             "u": q.url, "t": q.title, "l": HTML_LANG[q.lang], "k": q.kind} for q in questions]
    return ("window.quizBank=" + json.dumps(rows, ensure_ascii=False, separators=(",", ":")) + ";\n").encode("utf-8")
