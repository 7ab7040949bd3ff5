"""fizzbuzz_list(n) (run by autograding.json: python3 -m pytest tests/test_fizzbuzz_list.py)."""
from fizzbuzz import fizzbuzz_list


def test_first_fifteen():
    assert fizzbuzz_list(15) == [
        "1", "2", "Fizz", "4", "Buzz", "Fizz", "7", "8", "Fizz", "Buzz",
        "11", "Fizz", "13", "14", "FizzBuzz",
    ]


def test_length_and_last():
    result = fizzbuzz_list(100)
    assert len(result) == 100
    assert result[-1] == "Buzz"
    assert result.count("FizzBuzz") == 6


def test_small_and_empty():
    assert fizzbuzz_list(1) == ["1"]
    assert fizzbuzz_list(0) == []
    assert fizzbuzz_list(-4) == []
