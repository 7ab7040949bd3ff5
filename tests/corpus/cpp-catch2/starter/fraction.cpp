#include "fraction.h"

Fraction add(Fraction a, Fraction b) {
    return {a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator};
}

Fraction simplify(Fraction f) {
    // TODO
    return f;
}
