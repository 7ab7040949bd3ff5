"""FizzBuzz.

1. fizzbuzz(n) returns, for a whole number n:
     "FizzBuzz" if n is a multiple of both 3 and 5,
     "Fizz"     if n is a multiple of 3 only,
     "Buzz"     if n is a multiple of 5 only,
     otherwise the number itself as a string (fizzbuzz(7) == "7").
2. fizzbuzz_list(n) returns the list [fizzbuzz(1), fizzbuzz(2), ..., fizzbuzz(n)]
   (an empty list when n is 0 or less).
3. Run as a program, it reads one number N from standard input and prints
   fizzbuzz(1) to fizzbuzz(N), one per line:

       $ echo 5 | python3 fizzbuzz.py
       1
       2
       Fizz
       4
       Buzz
"""
import sys


def fizzbuzz(n):
    """Return the FizzBuzz word for n."""
    # TODO: handle multiples of 3, of 5 and of both.
    return str(n)


def fizzbuzz_list(n):
    """Return [fizzbuzz(1), ..., fizzbuzz(n)]."""
    # TODO: build the list.
    return []


def main():
    n = int(sys.stdin.readline())
    for word in fizzbuzz_list(n):
        print(word)


if __name__ == "__main__":
    main()
