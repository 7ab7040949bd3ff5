#pragma once

struct Fraction {
    long numerator;
    long denominator;
};

Fraction add(Fraction a, Fraction b);
Fraction simplify(Fraction f);
