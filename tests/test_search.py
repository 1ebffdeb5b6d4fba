"""Search: the evaluation set is true to the pages; the built site finds what readers type."""
from __future__ import annotations

from search_eval import Query, check_queries, load_queries


def test_evaluation_set_is_true_to_the_pages():
    # Every expected page holds the evidence, every query is the words (or the numbers) of it.
    queries = load_queries()
    assert len(queries) >= 60
    assert {q.kind for q in queries} == {"doc_no", "title", "phrase", "place", "company", "slogan", "mixed"}
    assert check_queries(queries) == []


def test_evaluation_set_check_catches_a_wrong_answer():
    wrong = [Query("浦东", "place", ("part3/xuzhou.html",), "浦东"),
             Query("国办发[2016]59号", "doc_no", ("part2/agricultural-development-mode.html",), "国办发〔2015〕59号"),
             Query("徐工", "company", ("part3/xuzhou.html",), "保利协鑫")]
    problems = check_queries(wrong)
    assert len(problems) == 3, problems
