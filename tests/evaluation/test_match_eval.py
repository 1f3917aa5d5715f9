"""Deal matching over labelled clusters and near-misses (see bot/match_eval.py)."""

from tools.match_eval import CORPUS, evaluate


def test_clusters_merge_and_near_misses_stay_apart():
    report = evaluate()
    if not CORPUS.is_file():
        assert report.skipped > 0  # corpus-based cases need ../shared; ours still run
    assert report.clusters >= 25
    # Floors at the level measured when this test was written; raise them as matching improves.
    assert report.one_deal / report.clusters >= MIN_CLUSTER_RATE, report.misses
    assert report.false_merges <= MAX_FALSE_MERGES, report.misses


MIN_CLUSTER_RATE = 1.0
MAX_FALSE_MERGES = 0
