"""Basic cases of stats.py: typical inputs, no error handling.

Graded as a *visible* test: students see which cases failed and why.
"""
import math

import pytest

import stats

SAMPLE = [2, 4, 4, 4, 5, 5, 7, 9]


def test_mean_basic():
    assert stats.mean([1, 2, 3, 4]) == pytest.approx(2.5)
    assert stats.mean([5]) == pytest.approx(5)
    assert stats.mean(SAMPLE) == pytest.approx(5)


def test_median_odd():
    assert stats.median([3, 1, 2]) == 2
    assert stats.median([7]) == 7
    assert stats.median([9, 1, 5, 3, 7]) == 5


def test_median_even():
    assert stats.median([4, 1, 3, 2]) == pytest.approx(2.5)
    assert stats.median([10, 20]) == pytest.approx(15)


def test_mode_basic():
    assert stats.mode([1, 2, 2, 3]) == 2
    assert stats.mode([7]) == 7
    assert stats.mode(SAMPLE) == 4


def test_variance_basic():
    assert stats.variance(SAMPLE) == pytest.approx(32 / 7)
    assert stats.variance([1, 2, 3, 4]) == pytest.approx(5 / 3)


def test_stdev_basic():
    assert stats.stdev(SAMPLE) == pytest.approx(math.sqrt(32 / 7))
    assert stats.stdev([1, 3]) == pytest.approx(math.sqrt(2))
