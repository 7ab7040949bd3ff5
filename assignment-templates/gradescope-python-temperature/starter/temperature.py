"""Temperatures.

Complete the three functions below; do not rename them.

1. celsius_to_fahrenheit(c) returns c * 9 / 5 + 32   (celsius_to_fahrenheit(100) == 212.0).
2. fahrenheit_to_celsius(f) returns (f - 32) * 5 / 9 (fahrenheit_to_celsius(212) == 100.0).
3. describe(c) returns a word for a temperature in degrees Celsius:
     "freezing" below 0, "cold" from 0 up to (not including) 15,
     "mild" from 15 up to (not including) 25, "hot" from 25 up.
   Temperatures below absolute zero (-273.15) raise ValueError.
"""


def celsius_to_fahrenheit(c):
    """Degrees Fahrenheit for c degrees Celsius."""
    # TODO
    return 0


def fahrenheit_to_celsius(f):
    """Degrees Celsius for f degrees Fahrenheit."""
    # TODO
    return 0


def describe(c):
    """'freezing', 'cold', 'mild' or 'hot' for c degrees Celsius."""
    # TODO: also raise ValueError below absolute zero.
    return "mild"
