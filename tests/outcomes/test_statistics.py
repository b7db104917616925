"""The report's statistics against figures worked out by hand.

Six readers take a four-question quiz before and after reading. Their scores (percent):

    reader   before  after  difference
    1          25      75      50
    2          50     100      50
    3          50      50       0
    4          25      50      25
    5          75     100      25
    6           0      75      75

Mean before 225/6 = 37.5, after 450/6 = 75, change 37.5 points. Deviations from 37.5:
12.5, 12.5, -37.5, -12.5, -12.5, 37.5; their squares add to 3437.5, so s² = 3437.5 / 5 =
687.5, s = 26.2202, SE = s / √6 = 10.7044. t(0.975, 5) = 2.5706 (every t table), margin
2.5706 × 10.7044 = 27.5164: the interval is 9.98 to 65.02.
"""

import math

import pytest

from hub_site.outcomes.statistics import (
    MIN_RESPONDENTS,
    PairedAnswers,
    PairedScores,
    is_suppressed,
    paired_mean_change,
    paired_proportion_change,
    percentage,
    t_quantile,
)

SCORES = [(1, 3), (2, 4), (2, 2), (1, 2), (3, 4), (0, 3)]  # right, of four questions


def pairs():
    return [(before / 4, after / 4) for before, after in SCORES]


def test_percentage():
    assert percentage(3, 4) == 75
    assert percentage(1, 6) == pytest.approx(16.6667, abs=1e-4)
    assert percentage(0, 0) is None


@pytest.mark.parametrize(
    ("df", "table_value"),
    # Two-sided 95% critical values from a printed t table; the normal's 1.96 beyond.
    [(1, 12.706), (2, 4.303), (4, 2.776), (5, 2.571), (10, 2.228), (30, 2.042), (120, 1.980)],
)
def test_t_quantile_matches_the_t_table(df, table_value):
    assert t_quantile(0.975, df) == pytest.approx(table_value, abs=5e-4)


def test_t_quantile_tends_to_the_normal():
    assert t_quantile(0.975, 100_000) == pytest.approx(1.95996, abs=1e-4)


def test_t_quantile_refuses_a_probability_outside_its_range():
    with pytest.raises(ValueError, match="between 0.5 and 1"):
        t_quantile(0.2, 5)


def test_paired_mean_change_of_six_readers():
    change = paired_mean_change(PairedScores.of(pairs()))

    assert change.respondents == 6
    assert change.before == pytest.approx(37.5)
    assert change.after == pytest.approx(75.0)
    assert change.change == pytest.approx(37.5)
    assert round(change.low, 2) == 9.98
    assert round(change.high, 2) == 65.02


def test_the_interval_is_the_hand_computed_one():
    standard_error = math.sqrt(687.5) / math.sqrt(6)
    margin = 2.5705818 * standard_error
    change = paired_mean_change(PairedScores.of(pairs()))
    assert change.low == pytest.approx(37.5 - margin, abs=1e-5)
    assert change.high == pytest.approx(37.5 + margin, abs=1e-5)


def test_identical_differences_give_an_interval_of_no_width():
    change = paired_mean_change(PairedScores.of([(0.25, 0.5)] * 5))
    assert change.change == pytest.approx(25)
    assert change.low == pytest.approx(25)
    assert change.high == pytest.approx(25)


def test_one_reader_has_a_change_but_no_interval():
    change = paired_mean_change(PairedScores.of([(0.25, 0.75)]))
    assert change.change == pytest.approx(50)
    assert change.low is None
    assert change.high is None


def test_no_reader_no_change():
    assert paired_mean_change(PairedScores.of([])) is None
    assert paired_proportion_change(PairedAnswers()) is None


@pytest.mark.parametrize(
    ("answers", "before", "after", "change", "low", "high"),
    [
        # Right both times, right before only, right after only, wrong both times.
        # Q1: p01 = 2/6, p10 = 0: SE = √((1/3 − 1/9) / 6) = 0.19245; ±1.96 SE = ±0.37720.
        (PairedAnswers(4, 0, 2, 0), 66.67, 100.0, 33.33, -4.39, 71.05),
        # p01 = 3/6: SE = √((1/2 − 1/4) / 6) = 0.20412; ±0.40008.
        (PairedAnswers(3, 0, 3, 0), 50.0, 100.0, 50.0, 9.99, 90.01),
        (PairedAnswers(1, 0, 3, 2), 16.67, 66.67, 50.0, 9.99, 90.01),
        # p01 = 2/6, p10 = 1/6: SE = √((1/2 − 1/36) / 6) = 0.28054; ±0.54985.
        (PairedAnswers(0, 1, 2, 3), 16.67, 33.33, 16.67, -38.32, 71.65),
    ],
)
def test_paired_proportion_change_per_question(answers, before, after, change, low, high):
    result = paired_proportion_change(answers)
    assert result.respondents == 6
    assert round(result.before, 2) == before
    assert round(result.after, 2) == after
    assert round(result.change, 2) == change
    assert round(result.low, 2) == low
    assert round(result.high, 2) == high


def test_the_wald_interval_stays_within_100_points():
    result = paired_proportion_change(PairedAnswers(0, 0, 5, 0))
    assert result.change == 100
    assert result.high == 100
    assert result.low == 100


def test_suppression_under_five_readers():
    assert MIN_RESPONDENTS == 5
    assert is_suppressed(0)
    assert is_suppressed(4)
    assert not is_suppressed(5)
    assert not is_suppressed(6)
