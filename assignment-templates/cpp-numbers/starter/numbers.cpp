// Number helpers: complete every function (see numbers.h for what each returns).
#include "numbers.h"

long long gcd(long long a, long long b) {
    // TODO: Euclid's algorithm.
    return 1;
}

bool isPrime(long long n) {
    // TODO: try the divisors up to the square root of n.
    return false;
}

std::vector<int> primesUpTo(int n) {
    // TODO: collect the primes from 2 to n.
    return {};
}

std::string toBinary(unsigned long long n) {
    // TODO: build the binary digits.
    return "";
}

int digitSum(long long n) {
    // TODO: add up the digits.
    return 0;
}
