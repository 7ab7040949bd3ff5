"""Multiplying with tinymath's double (a course's own package, from the course's index)."""
from tinymath import double


def quadruple(x):
    return double(double(x))


def octuple(x):
    # TODO
    return double(quadruple(x)) if x > 0 else 0
