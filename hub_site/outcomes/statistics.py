"""The statistics of the learning-outcomes report, as pure functions (no Django).

- Knowledge overall: each reader who took the quiz before and after reading has a score
  (the share of questions right) each time; the change is the mean of their paired
  differences, with a 95% confidence interval from Student's t distribution on n - 1
  degrees of freedom (a paired t interval). The t quantile is computed exactly here, by
  inverting the t distribution's CDF (the regularized incomplete beta function), since
  the standard library has only the normal distribution.
- Knowledge per question: the paired difference of proportions (right after minus right
  before, among readers who answered the question both times) with the Wald interval for
  paired proportions: SE = sqrt(p10 + p01 - (p01 - p10)^2) / sqrt(n), where p10 is the
  share right before only and p01 the share right after only; clipped to [-100, 100].
  Wald is simple to check by hand; with few discordant answers it is too narrow, which is
  one more reason for the small-numbers rule.
- Small numbers: a figure about fewer than ``MIN_RESPONDENTS`` readers is not shown.

Percentages and changes are in percent and percentage points.
"""

import math
from dataclasses import dataclass
from statistics import NormalDist

MIN_RESPONDENTS = 5
CONFIDENCE = 0.95
# The two-sided interval's upper quantile: 0.975 for 95%.
UPPER_QUANTILE = (1 + CONFIDENCE) / 2
# Beyond this, the continued fraction has converged to double precision for any df here.
_MAX_ITERATIONS = 300
_EPSILON = 1e-15


def is_suppressed(respondents):
    """Whether a figure about ``respondents`` readers must be withheld."""
    return respondents < MIN_RESPONDENTS


def percentage(part, whole):
    """``part`` of ``whole`` in percent; None of nothing."""
    return 100 * part / whole if whole else None


# Student's t distribution


def _beta_continued_fraction(x, a, b):
    """The continued fraction of the incomplete beta function (modified Lentz's method)."""
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    result = d
    for m in range(1, _MAX_ITERATIONS):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            result *= d * c
        if abs(d * c - 1.0) < _EPSILON:
            break
    return result


def regularized_incomplete_beta(x, a, b):
    """I_x(a, b), the CDF of the beta distribution."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    front = math.exp(log_front)
    # The fraction converges fast on this side of the mean; the symmetry covers the other.
    if x < (a + 1) / (a + b + 2):
        return front * _beta_continued_fraction(x, a, b) / a
    return 1.0 - front * _beta_continued_fraction(1 - x, b, a) / b


def t_cdf(t, df):
    """P(T <= t) for Student's t with ``df`` degrees of freedom."""
    tail = 0.5 * regularized_incomplete_beta(df / (df + t * t), df / 2, 0.5)
    return 1.0 - tail if t > 0 else tail


def t_quantile(probability, df):
    """The t value with ``probability`` below it (0.5 < probability < 1), by bisection."""
    if not 0.5 < probability < 1:
        raise ValueError("probability must lie between 0.5 and 1")
    low, high = 0.0, 1.0
    while t_cdf(high, df) < probability:
        low, high = high, high * 2
    for _step in range(200):
        middle = (low + high) / 2
        if t_cdf(middle, df) < probability:
            low = middle
        else:
            high = middle
        if high - low < 1e-12:
            break
    return (low + high) / 2


# Paired changes


@dataclass(frozen=True)
class Change:
    """Readers' mean before and after (percent), the change (points) and its 95% interval;
    the interval is None when one reader cannot give one."""

    respondents: int
    before: float
    after: float
    change: float
    low: float | None
    high: float | None


@dataclass(frozen=True)
class PairedScores:
    """What a paired t interval needs of readers' scores (each a share, 0–1): how many
    readers, their mean scores before and after, and the mean squared difference."""

    respondents: int
    mean_before: float
    mean_after: float
    mean_squared_difference: float

    @classmethod
    def of(cls, pairs):
        """From ``pairs`` of (score before, score after)."""
        pairs = list(pairs)
        n = len(pairs)
        if not n:
            return cls(0, 0.0, 0.0, 0.0)
        return cls(
            n,
            sum(before for before, _after in pairs) / n,
            sum(after for _before, after in pairs) / n,
            sum((after - before) ** 2 for before, after in pairs) / n,
        )


def paired_mean_change(scores):
    """The mean change of paired scores with its t interval, in percentage points; None
    without readers."""
    n = scores.respondents
    if not n:
        return None
    mean_difference = scores.mean_after - scores.mean_before
    before, after, change = (
        100 * scores.mean_before,
        100 * scores.mean_after,
        100 * mean_difference,
    )
    if n < 2:
        return Change(n, before, after, change, None, None)
    # The sample variance from the moments; never below 0 through rounding.
    variance = max(0.0, (scores.mean_squared_difference - mean_difference**2) * n / (n - 1))
    margin = 100 * t_quantile(UPPER_QUANTILE, n - 1) * math.sqrt(variance / n)
    return Change(n, before, after, change, change - margin, change + margin)


@dataclass(frozen=True)
class PairedAnswers:
    """One question answered before and after by the same readers: how many were right both
    times, right before only, right after only, and wrong both times."""

    both: int = 0
    before_only: int = 0
    after_only: int = 0
    neither: int = 0

    @property
    def respondents(self):
        return self.both + self.before_only + self.after_only + self.neither


def paired_proportion_change(answers):
    """The change in the share right (points) with its Wald interval for paired
    proportions; None without readers."""
    n = answers.respondents
    if not n:
        return None
    p_before_only, p_after_only = answers.before_only / n, answers.after_only / n
    difference = p_after_only - p_before_only
    before = 100 * (answers.both + answers.before_only) / n
    after = 100 * (answers.both + answers.after_only) / n
    z = NormalDist().inv_cdf(UPPER_QUANTILE)
    standard_error = math.sqrt(max(0.0, p_before_only + p_after_only - difference**2) / n)
    low = max(-100.0, 100 * (difference - z * standard_error))
    high = min(100.0, 100 * (difference + z * standard_error))
    return Change(n, before, after, 100 * difference, low, high)
