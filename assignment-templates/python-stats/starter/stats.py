"""Descriptive statistics, written by hand (do not import the statistics module).

Complete the five functions below. Each takes a list (or tuple) of numbers and must not
change it. Read each docstring carefully: the error cases are graded too.

Try your code with:

    python3 -c "import stats; print(stats.mean([1, 2, 3, 4]))"
"""


def mean(data):
    """Return the arithmetic mean of data.

    mean([1, 2, 3, 4]) == 2.5
    Raise ValueError if data is empty.
    """
    raise NotImplementedError("mean() is not written yet")


def median(data):
    """Return the middle value of data once sorted.

    For an even number of values, return the mean of the two middle values:
    median([3, 1, 2]) == 2 and median([4, 1, 3, 2]) == 2.5
    Raise ValueError if data is empty. Do not sort data itself in place.
    """
    raise NotImplementedError("median() is not written yet")


def mode(data):
    """Return the most common value in data.

    If several values are equally common, return the one that appears first in data:
    mode([1, 2, 2, 3]) == 2 and mode([3, 1, 1, 3]) == 3
    Raise ValueError if data is empty.
    """
    raise NotImplementedError("mode() is not written yet")


def variance(data):
    """Return the sample variance of data: the sum of squared distances from the mean,
    divided by (number of values - 1).

    variance([2, 4, 4, 4, 5, 5, 7, 9]) == 32 / 7
    Raise ValueError if data has fewer than two values.
    """
    raise NotImplementedError("variance() is not written yet")


def stdev(data):
    """Return the sample standard deviation of data: the square root of variance(data).

    Raise ValueError if data has fewer than two values.
    """
    raise NotImplementedError("stdev() is not written yet")
