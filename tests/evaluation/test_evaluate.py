"""The extractor against the labelled TechCrunch corpus: fails when a score drops below target."""

from __future__ import annotations

import pytest

from tools.evaluate import CORPUS, TARGETS, corpus_cases, failures, score


def test_corpus_meets_targets():
    cases = corpus_cases()
    if cases is None:
        pytest.skip(f"{CORPUS} not found (the corpus lives in ../shared beside the clone)")
    report = score("corpus", cases)
    assert not failures(report), failures(report)
    assert set(TARGETS) >= {
        "funding_f1",
        "company",
        "amount",
        "currency",
        "round",
        "lead_investors",
    }
