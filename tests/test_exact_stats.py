"""metrics/exact.py against scipy (the test extras carry it; the dashboard does not): the negative binomial
quantile, the exact two-sided binomial test and the exact sign-flip test, on many inputs and every edge."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from riskdash.metrics import exact



@pytest.fixture(scope="module")
def stats():
    """scipy.stats, imported only when these tests run (its import costs every worker a second at collection)."""
    return pytest.importorskip("scipy.stats")


# scipy's binomtest loses the far tail (p < 1e-250: e.g. k=19 of n=606, p=311/428 gives 0.0, the exact integer
# sum 2.49e-298); below this the p-values are only required to be as small
FAR_TAIL = 1e-200
TAIL = (1 - 0.99) / 2  # the control limits' quantiles, computed as metrics.accidents does


# ---------------------------------------------------------------------------------------------- negative binomial

NBINOM_N = [0.5, 0.75, 1.5, 2.5, 3.5, 9.5, 12 / 4 + 0.5, 27.5, 100.5, 1000.5, 5000.5, 12.345]
NBINOM_P = [3 / 4, 3 / (3 + 10 / 31), 2 / 3, 1 / 2, 2 / (2 + 28 / 31), 1 / (1 + 1 / 30), 0.999, 0.2, 0.01]
QUANTILES = [TAIL, 1 - TAIL, 0.5, 0.025, 0.975, 1e-9, 0.9999]


@pytest.mark.parametrize("n", NBINOM_N)
@pytest.mark.parametrize("p", NBINOM_P)
def test_nbinom_ppf_is_scipys(stats, n, p):
    assert exact.nbinom_ppf(QUANTILES, n, p) == [int(stats.nbinom(n, p).ppf(q)) for q in QUANTILES]


@pytest.mark.slow  # a property test against scipy over generated values: left out of the fast tier (its fixed cases stay)
@settings(max_examples=300, deadline=None)
@given(st.floats(0.01, 3000), st.floats(0.05, 1.0, exclude_max=False), st.floats(1e-6, 1 - 1e-6))
def test_nbinom_ppf_is_scipys_anywhere(stats, n, p, q):
    assert exact.nbinom_ppf([q], n, p) == [int(stats.nbinom(n, p).ppf(q))]


def test_nbinom_ppf_edges():
    assert exact.nbinom_ppf([TAIL, 1 - TAIL], 0.5, 1.0) == [0, 0]  # p = 1: never a failure
    assert exact.nbinom_ppf([TAIL, 1 - TAIL], 0.5, 0.75) == [0, 3]  # three quiet years: up to 3 is no signal
    with pytest.raises(ValueError):
        exact.nbinom_ppf([0.5], 0, 0.5)
    with pytest.raises(ValueError):
        exact.nbinom_ppf([0.5], 1, 0)


# ---------------------------------------------------------------------------------------------- binomial test

DAYS = [(1, 1), (31, 31), (181, 182), (365, 366), (30, 31), (10, 3), (1, 6), (59, 60), (92, 92)]


@pytest.mark.parametrize(("a", "b"), DAYS)
def test_binomial_p_is_scipys_for_every_k(stats, a, b):
    p = Fraction(a, a + b)
    for n in [1, 2, 3, 4, 5, 7, 10, 11, 25, 40, 101]:
        for k in range(n + 1):
            expected = stats.binomtest(k, n, a / (a + b)).pvalue
            assert exact.binomial_two_sided_p(k, n, p) == pytest.approx(expected, rel=1e-10, abs=FAR_TAIL), (k, n, a, b)


@pytest.mark.parametrize(("k", "n", "a", "b"), [
    (0, 1, 1, 1), (1, 1, 1, 1), (0, 10, 1, 1), (10, 10, 1, 1), (5, 10, 1, 1),  # k = 0, k = n, k = np
    (0, 300, 181, 182), (300, 300, 181, 182), (150, 300, 181, 182), (170, 300, 181, 182),
    (480, 1000, 365, 366), (2400, 5000, 181, 184), (2600, 6000, 181, 184), (6000, 6000, 1, 1),  # float path
    (3100, 7000, 30, 31), (4, 10, 31, 31), (1000, 1000, 1, 1), (470, 1000, 181, 182), (0, 1001, 181, 182),
    (470, 1001, 181, 182), (1001, 1001, 365, 366), (560, 1200, 1, 1), (1460, 3001, 59, 60), (1500, 3000, 31, 31),
])
def test_binomial_p_edges_and_large_counts(stats, k, n, a, b):
    expected = stats.binomtest(k, n, a / (a + b)).pvalue
    assert exact.binomial_two_sided_p(k, n, Fraction(a, a + b)) == pytest.approx(expected, rel=1e-9, abs=FAR_TAIL)


@pytest.mark.slow  # a property test against scipy over generated values: left out of the fast tier (its fixed cases stay)
@settings(max_examples=300, deadline=None)
@given(st.integers(1, 400), st.integers(1, 400), st.integers(1, 400), st.data())
def test_binomial_p_is_scipys_anywhere(stats, n, a, b, data):
    k = data.draw(st.integers(0, n))
    expected = stats.binomtest(k, n, a / (a + b)).pvalue
    assert exact.binomial_two_sided_p(k, n, Fraction(a, a + b)) == pytest.approx(expected, rel=1e-9, abs=FAR_TAIL)


@pytest.mark.slow  # a property test against scipy over generated values: left out of the fast tier (its fixed cases stay)
@settings(max_examples=100, deadline=None)
@given(st.integers(1, 3000), st.integers(1, 400), st.integers(1, 400), st.data())
def test_binomial_p_in_floating_point_is_scipys(stats, n, a, b, data):
    k = data.draw(st.integers(0, n))
    expected = stats.binomtest(k, n, a / (a + b)).pvalue
    saved = exact.BINOM_EXACT_TRIALS
    exact.BINOM_EXACT_TRIALS = 0  # every count through the log-gamma path
    try:
        got = exact.binomial_two_sided_p(k, n, Fraction(a, a + b))
    finally:
        exact.BINOM_EXACT_TRIALS = saved
    assert got == pytest.approx(expected, rel=1e-9, abs=FAR_TAIL)


def test_binomial_p_refuses_impossible_input():
    for k, n, p in [(-1, 3, Fraction(1, 2)), (4, 3, Fraction(1, 2)), (1, 3, Fraction(0)), (1, 3, Fraction(1))]:
        with pytest.raises(ValueError):
            exact.binomial_two_sided_p(k, n, p)


# ---------------------------------------------------------------------------------------------- sign-flip test


def scipy_sign_flip(values: list[int], stats) -> float:
    """scipy's sign-flip permutation test of the sum, as metrics.accidents called it (exact when 2ⁿ ≤ 9999)."""
    result = stats.permutation_test(
        (np.array(values, dtype=float),), lambda x, axis: np.sum(x, axis=axis), vectorized=True,
        permutation_type="samples", n_resamples=9999, alternative="two-sided", rng=np.random.default_rng(20261128))
    return float(min(result.pvalue, 1.0))


def enumerated(values: list[int]) -> float:
    """P(|S| ≥ |s|) by listing every sign pattern."""
    observed = abs(sum(values))
    hits = sum(abs(sum(s * v for s, v in zip(signs, values))) >= observed
               for signs in itertools.product((1, -1), repeat=len(values)))
    return hits / 2 ** len(values)


@pytest.mark.parametrize("values", [
    [1, -1], [2, 2], [1, 1, 1, -1], [10, 1, 1, -1, -1, -1, -1], [1] * 4 + [-1] * 6,
    [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [-1] * 13, [3, -3, 3, -3, 5, -5], [2, 2, 2, -1, -1, -1, -1, -1, -1],
    [30, 1, -1, -1, -1, -2, -2, -3], [7, 7, 7, -7, -7, 7, 7, 7, 7, -7, 7, 7, 7],
])
def test_sign_flip_equals_scipys_exact_enumeration(stats, values):
    assert 2 ** len(values) <= 9999
    assert exact.sign_flip_two_sided_p(values) == pytest.approx(scipy_sign_flip(values, stats), rel=1e-12)


@pytest.mark.slow  # a property test against scipy over generated values: left out of the fast tier (its fixed cases stay)
@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-12, 12).filter(bool), min_size=2, max_size=13))
def test_sign_flip_equals_scipys_exact_enumeration_anywhere(stats, values):
    assert exact.sign_flip_two_sided_p(values) == pytest.approx(scipy_sign_flip(values, stats), rel=1e-12)


@pytest.mark.slow  # a property test against scipy over generated values: left out of the fast tier (its fixed cases stay)
@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(-9, 9).filter(bool), min_size=14, max_size=17))
def test_sign_flip_beyond_scipys_enumeration_is_still_exact(stats, values):
    # scipy samples 9999 patterns here; every pattern is listed instead, and scipy's estimate is near
    p = exact.sign_flip_two_sided_p(values)
    assert p == pytest.approx(enumerated(values), rel=1e-12)
    assert abs(p - scipy_sign_flip(values, stats)) < 0.03


def test_sign_flip_with_one_death_each_is_the_binomial_test():
    for n in range(1, 61):
        for k in range(n + 1):
            values = [1] * k + [-1] * (n - k)
            assert exact.sign_flip_two_sided_p(values) == pytest.approx(
                exact.binomial_two_sided_p(k, n, Fraction(1, 2)), rel=1e-12), (k, n)


def test_sign_flip_edges():
    assert exact.sign_flip_two_sided_p([]) == 1.0
    assert exact.sign_flip_two_sided_p([0, 0]) == 1.0  # zeros carry nothing
    assert exact.sign_flip_two_sided_p([5]) == 1.0  # one accident: either sign gives |5|
    assert exact.sign_flip_two_sided_p([1, 1]) == 0.5  # ++ and −− of 4 patterns
    assert exact.sign_flip_two_sided_p([1, 1, 0, 0]) == 0.5
    assert exact.sign_flip_two_sided_p([3, -1, -1, -1]) == 1.0  # sums to 0: every pattern is as large
    assert exact.sign_flip_two_sided_p([1] * 24 + [-1] * 6) == pytest.approx(enumerated_binomial(24, 30))


def enumerated_binomial(k: int, n: int) -> float:
    observed = abs(2 * k - n)
    return sum(math.comb(n, j) for j in range(n + 1) if abs(2 * j - n) >= observed) / 2 ** n


def test_sign_flip_fallback_is_the_normal_approximation(monkeypatch):
    values = [1] * 130 + [2] * 40 + [5] * 3 + [-1] * 100 + [-2] * 30 + [-4] * 2
    exact_p = exact.sign_flip_two_sided_p(values)
    monkeypatch.setattr(exact, "SIGN_FLIP_MAX_WORK", 10)
    approximate = exact.sign_flip_two_sided_p(values)
    variance = sum(v * v for v in values)
    assert approximate == pytest.approx(math.erfc((abs(sum(values)) - 1) / math.sqrt(2 * variance)))
    assert abs(approximate - exact_p) < 0.01
