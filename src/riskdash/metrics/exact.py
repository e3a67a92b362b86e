"""The three small distributions the accident statistics need, computed exactly with numpy and the standard
library (no scipy: importing scipy.stats cost seconds at start-up and 34 MB in the offline bundle).

- ``nbinom_ppf``: the quantile of the negative binomial in scipy's parameterisation ``nbinom(n, p)``
  (failures before the n-th success, n real), for the seasonal control limits.
- ``binomial_two_sided_p``: the exact two-sided binomial test p-value as ``scipy.stats.binomtest`` computes
  it, for the 同比 of accident counts; with a rational p the sums are done in integers.
- ``sign_flip_two_sided_p``: the exact two-sided p-value of the sign-flip (paired permutation) test of a sum of
  integers, P(|S| ≥ |s|) over all 2ⁿ sign patterns, for the 同比 of deaths; where ``2ⁿ`` is small it equals
  ``scipy.stats.permutation_test``'s exact enumeration, and above that it replaces scipy's Monte-Carlo estimate.

tests/test_exact_stats.py compares each with scipy on many inputs, edge cases included.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy loads where an array is made: `riskdash metrics accidents` needs none of it
    import numpy as np


# scipy.stats.binomtest counts as "as extreme" every outcome whose probability is within this relative margin of
# the observed one's (its guard against rounding; kept so that the p-values agree)
BINOM_RELATIVE_MARGIN = Fraction(1, 10**7)
# above this many trials the binomial terms are summed in floating point (lgamma) rather than in integers
BINOM_EXACT_TRIALS = 1000  # (1,000 trials: 10 ms in integers; 5,000: 0.7 s)
# the sign-flip distribution is built by dynamic programming over the sums (work ∝ values × their total); above
# this the test falls back to the normal approximation of the sum (with continuity correction), documented in
# sign_flip_two_sided_p
SIGN_FLIP_MAX_WORK = 50_000_000


# ---------------------------------------------------------------------------------------------- negative binomial


def nbinom_ppf(qs: list[float], n: float, p: float) -> list[int]:
    """For each q, the smallest k with P(X ≤ k) ≥ q, X negative binomial with pmf
    C(k + n − 1, k) pⁿ (1 − p)ᵏ (k = 0, 1, …; n > 0 real, 0 < p ≤ 1) — scipy's ``nbinom(n, p).ppf(q)``.

    The pmf is summed from k = 0 by its ratio pmf(k + 1) / pmf(k) = (k + n)(1 − p) / (k + 1); when pⁿ would
    underflow (a large n) the same in log space. The range grows until the largest q is reached."""
    import numpy as np

    if not 0 < p <= 1 or n <= 0:
        raise ValueError(f"negative binomial needs n > 0 and 0 < p ≤ 1, got n={n}, p={p}")
    if p == 1:
        return [0 for _ in qs]
    mean = n * (1 - p) / p
    sd = math.sqrt(n * (1 - p)) / p
    top = max(qs)
    size = int(mean + 10 * sd) + 32
    while True:
        k = np.arange(size - 1, dtype=float)
        if n * math.log(p) > -700:
            pmf = p ** n * np.concatenate([[1.0], np.cumprod((k + n) * (1 - p) / (k + 1))])
        else:
            steps = np.log(k + n) - np.log(k + 1) + math.log1p(-p)
            pmf = np.exp(n * math.log(p) + np.concatenate([[0.0], np.cumsum(steps)]))
        cdf = np.cumsum(pmf)
        if cdf[-1] >= top or size > 1 << 26:
            break
        size *= 2
    return [int(min(np.searchsorted(cdf, q, side="left"), size - 1)) for q in qs]


# ---------------------------------------------------------------------------------------------- binomial test


def binomial_two_sided_p(k: int, n: int, p: Fraction) -> float:
    """The exact two-sided binomial test: P(X = j) summed over every j as unlikely as the observed k or less
    (within BINOM_RELATIVE_MARGIN), X binomial(n, p) — as ``scipy.stats.binomtest(k, n, p).pvalue`` computes it:
    1 when k = np; below np every j ≤ k plus the j ≥ ⌈np⌉ with pmf(j) ≤ pmf(k)·(1 + 1e-7); above np the mirror.

    With p = a/b the pmf is C(n, j) aʲ (b − a)ⁿ⁻ʲ / bⁿ, so for n ≤ BINOM_EXACT_TRIALS the comparison and the sum
    are done in integers (exact); above that in floating point from log-gamma."""
    if not 0 <= k <= n:
        raise ValueError(f"binomial test needs 0 ≤ k ≤ n, got k={k}, n={n}")
    p = Fraction(p)
    if not 0 < p < 1:
        raise ValueError(f"binomial test needs 0 < p < 1, got p={p}")
    if k == p * n:
        return 1.0
    if n <= BINOM_EXACT_TRIALS:
        weights = _binomial_weights(n, p.numerator, p.denominator - p.numerator)
        total = p.denominator ** n
    else:
        weights = _binomial_pmf_float(n, float(p))
        total = 1.0
    observed = weights[k]
    mode_side = range(math.ceil(p * n), n + 1) if k < p * n else range(0, math.floor(p * n) + 1)
    tail = range(0, k + 1) if k < p * n else range(k, n + 1)
    if n <= BINOM_EXACT_TRIALS:
        bound = observed * (1 + BINOM_RELATIVE_MARGIN)
        extreme = sum(weights[j] for j in tail) + sum(weights[j] for j in mode_side if weights[j] <= bound)
        return float(min(Fraction(1), Fraction(extreme, total)))
    bound = observed * (1 + float(BINOM_RELATIVE_MARGIN))
    extreme = math.fsum(weights[j] for j in tail) + math.fsum(weights[j] for j in mode_side if weights[j] <= bound)
    return min(1.0, extreme / total)


def _binomial_weights(n: int, a: int, c: int) -> list[int]:
    """C(n, j) aʲ cⁿ⁻ʲ for j = 0 … n (integers)."""
    a_powers = [1] * (n + 1)
    c_powers = [1] * (n + 1)
    for j in range(1, n + 1):
        a_powers[j] = a_powers[j - 1] * a
        c_powers[j] = c_powers[j - 1] * c
    weights = []
    choose = 1
    for j in range(n + 1):
        weights.append(choose * a_powers[j] * c_powers[n - j])
        choose = choose * (n - j) // (j + 1)
    return weights


def _binomial_pmf_float(n: int, p: float) -> list[float]:
    log_choose = [math.lgamma(n + 1) - math.lgamma(j + 1) - math.lgamma(n - j + 1) for j in range(n + 1)]
    return [math.exp(c + j * math.log(p) + (n - j) * math.log1p(-p)) for j, c in enumerate(log_choose)]


# ---------------------------------------------------------------------------------------------- sign-flip test


def sign_flip_two_sided_p(values: list[int] | np.ndarray) -> float:
    """The exact two-sided sign-flip test of the sum of integers: each value's sign is + or − with probability ½
    independently, and the p-value is P(|S| ≥ |s|), s the observed sum.

    S = 2·(the sum of the values given +) − Σ|v|, so its distribution is that of a random subset sum of the |v|,
    built by dynamic programming: start with P(0) = 1 and for each |v| mix the distribution with itself shifted
    by |v|, half each. This is what ``scipy.stats.permutation_test(permutation_type="samples")`` enumerates when
    2ⁿ ≤ its n_resamples (its two-sided 2·min(P(S ≤ s), P(S ≥ s)), capped at 1, is the same number: the
    distribution is symmetric), and replaces its Monte-Carlo estimate for larger n.

    Fallback: when n × Σ|v| exceeds SIGN_FLIP_MAX_WORK (tens of thousands of deaths — no county or city has
    that in a period) the normal approximation with continuity correction is used: S has mean 0 and variance
    Σv², and P(|S| ≥ |s|) ≈ erfc((|s| − 1) / √(2 Σv²)) (S moves in steps of 2 when all values are 1, so the
    correction is taken as 1)."""
    import numpy as np

    magnitudes = [abs(int(v)) for v in values if int(v) != 0]
    observed = abs(sum(int(v) for v in values))
    total = sum(magnitudes)
    if total == 0:
        return 1.0
    if len(magnitudes) * total > SIGN_FLIP_MAX_WORK:
        variance = float(sum(m * m for m in magnitudes))
        return min(1.0, math.erfc(max(0.0, observed - 1) / math.sqrt(2 * variance)))
    # dist[t] = P(the values given + add up to t)
    dist = np.zeros(total + 1)
    dist[0] = 1.0
    reach = 0
    for m in sorted(magnitudes):
        dist[m:reach + m + 1] += dist[:reach + 1].copy()
        dist[:reach + m + 1] *= 0.5
        reach += m
    # S = 2t − total; |S| ≥ observed ⇔ t ≥ (total + observed)/2 or t ≤ (total − observed)/2
    t = np.arange(total + 1)
    extreme = (2 * t - total >= observed) | (2 * t - total <= -observed)
    return float(min(1.0, dist[extreme].sum()))
