"""fizzbuzz(n) on single numbers (run by autograding.json: python3 -m pytest tests/test_fizzbuzz.py)."""
import pytest

from fizzbuzz import fizzbuzz


@pytest.mark.parametrize("n", [1, 2, 4, 7, 11, 98])
def test_plain_numbers(n):
    assert fizzbuzz(n) == str(n)


@pytest.mark.parametrize("n", [3, 6, 9, 12, 99])
def test_multiples_of_three(n):
    assert fizzbuzz(n) == "Fizz"


@pytest.mark.parametrize("n", [5, 10, 20, 25, 100])
def test_multiples_of_five(n):
    assert fizzbuzz(n) == "Buzz"


@pytest.mark.parametrize("n", [15, 30, 45, 90, 150])
def test_multiples_of_fifteen(n):
    assert fizzbuzz(n) == "FizzBuzz"


def test_returns_strings():
    for n in range(1, 31):
        assert isinstance(fizzbuzz(n), str), f"fizzbuzz({n}) returned {fizzbuzz(n)!r}, not a str"
