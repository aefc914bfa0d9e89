"""The hand-read corpus: attribution meets the issue's bar, and the gold files are complete."""

from __future__ import annotations

import pytest

from bench.truth import CORPUS, FORMS, Score, read_gold, score_corpus

#: The bar of issue 8 on our own corpus.
MIN_PRECISION = 0.99
MIN_RECALL = 0.95
MIN_ARTICLES = 40
MIN_ARTICLES_PER_FORM = 3


@pytest.fixture(scope="module")
def score() -> Score:
    return score_corpus(CORPUS)


def test_corpus_precision_and_recall_meet_the_bar(score: Score) -> None:
    """Precision at least 0.99 and recall at least 0.95 over every gold quote."""
    overall = score.overall
    assert overall.precision >= MIN_PRECISION, score.wrong
    assert overall.recall >= MIN_RECALL, score.missed + score.unmatched


def test_every_gold_line_names_an_extracted_quote(score: Score) -> None:
    """Every gold line matches a quote the extractor found, and every quote has gold."""
    assert score.unmatched == []
    assert score.ungolded == []


def test_corpus_covers_every_form(score: Score) -> None:
    """At least 40 articles, and every form in at least three of them."""
    assert score.articles >= MIN_ARTICLES
    thin = {
        form: len(score.by_form[form].articles)
        for form in FORMS
        if len(score.by_form[form].articles) < MIN_ARTICLES_PER_FORM
    }
    assert thin == {}


def test_every_article_has_a_gold_file() -> None:
    """No corpus article is left out of the score for want of a gold file."""
    missing = [p.name for p in CORPUS.glob("*.txt") if not p.with_suffix(".gold").exists()]
    assert missing == []


def test_gold_files_read_cleanly() -> None:
    """Every gold line parses: paragraph, speaker or -, a known form, first words."""
    for path in CORPUS.glob("*.gold"):
        assert read_gold(path), path
