#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include "fraction.h"

TEST_CASE("adds fractions", "[add]") {
    Fraction sum = add({1, 2}, {1, 3});
    REQUIRE(sum.numerator * 6 == sum.denominator * 5);
}

TEST_CASE("simplifies to lowest terms", "[simplify]") {
    Fraction f = simplify({6, 8});
    REQUIRE(f.numerator == 3);
    REQUIRE(f.denominator == 4);
}
