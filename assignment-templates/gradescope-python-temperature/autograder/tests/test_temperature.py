"""Tests of temperature.py. A test's first docstring line is its name on Gradescope;
@pytest.mark.weight gives its points, @pytest.mark.visibility whether students see it."""
import pytest


@pytest.mark.weight(2)
def test_celsius_to_fahrenheit(temperature):
    """celsius_to_fahrenheit: 0, 100 and 37 degrees"""
    assert temperature.celsius_to_fahrenheit(0) == pytest.approx(32)
    assert temperature.celsius_to_fahrenheit(100) == pytest.approx(212)
    assert temperature.celsius_to_fahrenheit(37) == pytest.approx(98.6)


@pytest.mark.weight(2)
def test_fahrenheit_to_celsius(temperature):
    """fahrenheit_to_celsius: 32, 212 and 98.6 degrees"""
    assert temperature.fahrenheit_to_celsius(32) == pytest.approx(0)
    assert temperature.fahrenheit_to_celsius(212) == pytest.approx(100)
    assert temperature.fahrenheit_to_celsius(98.6) == pytest.approx(37)


@pytest.mark.weight(2)
def test_describe(temperature):
    """describe: one temperature of each kind"""
    assert temperature.describe(-10) == "freezing"
    assert temperature.describe(5) == "cold"
    assert temperature.describe(20) == "mild"
    assert temperature.describe(30) == "hot"


@pytest.mark.weight(1)
@pytest.mark.visibility("hidden")
def test_round_trip(temperature):
    """Conversions undo each other, negative values included"""
    for c in (-40, -17.5, 0, 21.3, 1000):
        assert temperature.fahrenheit_to_celsius(temperature.celsius_to_fahrenheit(c)) == pytest.approx(c)
    assert temperature.celsius_to_fahrenheit(-40) == pytest.approx(-40)


@pytest.mark.weight(2)
@pytest.mark.visibility("hidden")
def test_describe_boundaries(temperature):
    """describe: the boundaries 0, 15 and 25 belong to the warmer word"""
    assert temperature.describe(-0.01) == "freezing"
    assert temperature.describe(0) == "cold"
    assert temperature.describe(14.99) == "cold"
    assert temperature.describe(15) == "mild"
    assert temperature.describe(25) == "hot"


@pytest.mark.weight(1)
@pytest.mark.visibility("after_due_date")
def test_absolute_zero(temperature):
    """describe: below absolute zero raises ValueError"""
    assert temperature.describe(-273.15) == "freezing"
    with pytest.raises(ValueError):
        temperature.describe(-273.16)
    with pytest.raises(ValueError):
        temperature.describe(-1000)
