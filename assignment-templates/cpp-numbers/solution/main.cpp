// A small program to try the functions by hand; it is not graded.
//   g++ -std=c++17 -Wall -o main main.cpp numbers.cpp && ./main
#include <iostream>

#include "numbers.h"

int main() {
    std::cout << "gcd(12, 18) = " << gcd(12, 18) << '\n';
    std::cout << "isPrime(97) = " << std::boolalpha << isPrime(97) << '\n';
    std::cout << "primes up to 20:";
    for (int p : primesUpTo(20)) {
        std::cout << ' ' << p;
    }
    std::cout << "\ntoBinary(10) = " << toBinary(10) << '\n';
    std::cout << "digitSum(-123) = " << digitSum(-123) << '\n';
}
