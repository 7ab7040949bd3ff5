// Basic cases (graded as a visible test: students see each failing expectation).
#include <gtest/gtest.h>

#include <vector>

#include "../numbers.h"

TEST(Gcd, SmallNumbers) {
    EXPECT_EQ(gcd(12, 18), 6);
    EXPECT_EQ(gcd(7, 5), 1);
    EXPECT_EQ(gcd(100, 75), 25);
}

TEST(IsPrime, SmallPrimes) {
    EXPECT_TRUE(isPrime(2));
    EXPECT_TRUE(isPrime(3));
    EXPECT_TRUE(isPrime(13));
    EXPECT_TRUE(isPrime(97));
}

TEST(IsPrime, SmallComposites) {
    EXPECT_FALSE(isPrime(4));
    EXPECT_FALSE(isPrime(9));
    EXPECT_FALSE(isPrime(91));
}

TEST(PrimesUpTo, Twenty) {
    EXPECT_EQ(primesUpTo(20), (std::vector<int>{2, 3, 5, 7, 11, 13, 17, 19}));
}

TEST(ToBinary, SmallNumbers) {
    EXPECT_EQ(toBinary(1), "1");
    EXPECT_EQ(toBinary(10), "1010");
    EXPECT_EQ(toBinary(255), "11111111");
}

TEST(DigitSum, PositiveNumbers) {
    EXPECT_EQ(digitSum(123), 6);
    EXPECT_EQ(digitSum(9999), 36);
}
