"""Edge cases of stats.py: errors, ties, negative and float values, input left unchanged.

Graded as a *hidden* test: students only see which cases passed.
"""
import pytest

import stats


def test_mean_empty_raises():
    with pytest.raises(ValueError):
        stats.mean([])


def test_median_empty_raises():
    with pytest.raises(ValueError):
        stats.median([])


def test_mode_empty_raises():
    with pytest.raises(ValueError):
        stats.mode([])


def test_variance_needs_two_values():
    with pytest.raises(ValueError):
        stats.variance([])
    with pytest.raises(ValueError):
        stats.variance([42])


def test_stdev_needs_two_values():
    with pytest.raises(ValueError):
        stats.stdev([])
    with pytest.raises(ValueError):
        stats.stdev([42])


def test_mean_negative_and_float():
    assert stats.mean([-3, -1]) == pytest.approx(-2)
    assert stats.mean([-1.5, 0.5, 4]) == pytest.approx(1.0)
    assert stats.mean([0.1, 0.2, 0.3]) == pytest.approx(0.2)


def test_median_unsorted_negative():
    assert stats.median([10, -5, 0, 3, -2]) == 0
    assert stats.median([-1, -3]) == pytest.approx(-2)
    assert stats.median([2.5, -1.0, 7.25, 0.0]) == pytest.approx(1.25)


def test_median_leaves_input_unchanged():
    data = [5, 3, 1, 4]
    stats.median(data)
    assert data == [5, 3, 1, 4]


def test_mode_tie_returns_first_seen():
    assert stats.mode([3, 1, 1, 3]) == 3
    assert stats.mode([5, 6, 7]) == 5
    assert stats.mode([2, 9, 9, 2, 8, 8]) == 2


def test_mode_negative_and_float():
    assert stats.mode([-1, -1, 2]) == -1
    assert stats.mode([1.5, 2.5, 2.5]) == 2.5


def test_variance_of_constant_is_zero():
    assert stats.variance([3, 3, 3]) == pytest.approx(0)
    assert stats.stdev([3, 3, 3]) == pytest.approx(0)


def test_accepts_tuples():
    data = (4, 1, 3, 1)
    assert stats.mean(data) == pytest.approx(2.25)
    assert stats.median(data) == pytest.approx(2)
    assert stats.mode(data) == 1
    assert stats.variance(data) == pytest.approx(2.25)
    assert stats.stdev(data) == pytest.approx(1.5)
    assert data == (4, 1, 3, 1)
