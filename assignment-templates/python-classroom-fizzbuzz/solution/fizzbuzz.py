"""FizzBuzz.

Reference solution.
"""
import sys


def fizzbuzz(n):
    """'Fizz' for multiples of 3, 'Buzz' for multiples of 5, 'FizzBuzz' for both, else str(n)."""
    if n % 15 == 0:
        return "FizzBuzz"
    if n % 3 == 0:
        return "Fizz"
    if n % 5 == 0:
        return "Buzz"
    return str(n)


def fizzbuzz_list(n):
    """[fizzbuzz(1), ..., fizzbuzz(n)]; empty when n < 1."""
    return [fizzbuzz(i) for i in range(1, n + 1)]


def main():
    n = int(sys.stdin.readline())
    for word in fizzbuzz_list(n):
        print(word)


if __name__ == "__main__":
    main()
