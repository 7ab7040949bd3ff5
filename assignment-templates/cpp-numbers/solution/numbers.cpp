// Number helpers: reference solution.
#include "numbers.h"

#include <algorithm>

long long gcd(long long a, long long b) {
    // Work with non-positive values: -LLONG_MIN would overflow, LLONG_MIN itself does not.
    a = a > 0 ? -a : a;
    b = b > 0 ? -b : b;
    while (b != 0) {
        long long r = a % b;
        a = b;
        b = r;
    }
    return -a;
}

bool isPrime(long long n) {
    if (n < 2) {
        return false;
    }
    if (n % 2 == 0) {
        return n == 2;
    }
    for (long long d = 3; d <= n / d; d += 2) {
        if (n % d == 0) {
            return false;
        }
    }
    return true;
}

std::vector<int> primesUpTo(int n) {
    std::vector<int> primes;
    if (n < 2) {
        return primes;
    }
    std::vector<bool> composite(static_cast<size_t>(n) + 1, false);
    for (long long i = 2; i <= n; ++i) {
        if (!composite[i]) {
            primes.push_back(static_cast<int>(i));
            for (long long j = i * i; j <= n; j += i) {
                composite[j] = true;
            }
        }
    }
    return primes;
}

std::string toBinary(unsigned long long n) {
    if (n == 0) {
        return "0";
    }
    std::string digits;
    while (n > 0) {
        digits.push_back(static_cast<char>('0' + (n & 1)));
        n >>= 1;
    }
    std::reverse(digits.begin(), digits.end());
    return digits;
}

int digitSum(long long n) {
    int sum = 0;
    while (n != 0) {
        long long digit = n % 10;  // negative for negative n
        sum += static_cast<int>(digit < 0 ? -digit : digit);
        n /= 10;
    }
    return sum;
}
