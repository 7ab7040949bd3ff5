"""Descriptive statistics without the statistics module.

Reference solution.
"""
import math


def mean(data):
    """Arithmetic mean of data. Raises ValueError if data is empty."""
    values = list(data)
    if not values:
        raise ValueError("mean() of empty data")
    return sum(values) / len(values)


def median(data):
    """Middle value of data once sorted; for an even count, the mean of the two middle values.

    Raises ValueError if data is empty. data itself is left unchanged.
    """
    values = sorted(data)
    n = len(values)
    if n == 0:
        raise ValueError("median() of empty data")
    middle = n // 2
    if n % 2 == 1:
        return values[middle]
    return (values[middle - 1] + values[middle]) / 2


def mode(data):
    """Most common value of data; on a tie, the one that appears first in data.

    Raises ValueError if data is empty.
    """
    values = list(data)
    if not values:
        raise ValueError("mode() of empty data")
    counts = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    best = values[0]
    for value in values:  # first occurrence order breaks ties
        if counts[value] > counts[best]:
            best = value
    return best


def variance(data):
    """Sample variance of data (divides by n - 1). Raises ValueError with fewer than two values."""
    values = list(data)
    n = len(values)
    if n < 2:
        raise ValueError("variance() needs at least two values")
    m = sum(values) / n
    return sum((x - m) ** 2 for x in values) / (n - 1)


def stdev(data):
    """Sample standard deviation: the square root of variance(data)."""
    return math.sqrt(variance(data))
