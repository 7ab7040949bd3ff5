#include "fraction.h"

#include <numeric>

Fraction add(Fraction a, Fraction b) {
    return simplify({a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator});
}

Fraction simplify(Fraction f) {
    long g = std::gcd(f.numerator, f.denominator);
    return g == 0 ? f : Fraction{f.numerator / g, f.denominator / g};
}
