// Number helpers. Do not change this file: the tests include it as it is.
#pragma once

#include <string>
#include <vector>

// Greatest common divisor of a and b, never negative: gcd(12, -18) == 6, gcd(0, 5) == 5, gcd(0, 0) == 0.
long long gcd(long long a, long long b);

// Whether n is a prime number (false for n < 2).
bool isPrime(long long n);

// Every prime p with 2 <= p <= n, in increasing order (empty when n < 2).
std::vector<int> primesUpTo(int n);

// n written in base 2, with no leading zeros: toBinary(10) == "1010", toBinary(0) == "0".
std::string toBinary(unsigned long long n);

// The sum of the decimal digits of n, ignoring its sign: digitSum(-123) == 6.
int digitSum(long long n);
