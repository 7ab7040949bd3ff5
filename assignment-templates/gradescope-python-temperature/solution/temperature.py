"""Temperatures: reference solution."""

ABSOLUTE_ZERO = -273.15


def celsius_to_fahrenheit(c):
    """Degrees Fahrenheit for c degrees Celsius."""
    return c * 9 / 5 + 32


def fahrenheit_to_celsius(f):
    """Degrees Celsius for f degrees Fahrenheit."""
    return (f - 32) * 5 / 9


def describe(c):
    """'freezing', 'cold', 'mild' or 'hot' for c degrees Celsius."""
    if c < ABSOLUTE_ZERO:
        raise ValueError(f"{c} is below absolute zero")
    if c < 0:
        return "freezing"
    if c < 15:
        return "cold"
    if c < 25:
        return "mild"
    return "hot"
