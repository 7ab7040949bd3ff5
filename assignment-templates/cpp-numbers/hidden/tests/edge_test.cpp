// Edge cases (graded as a hidden test: students only see which cases passed).
#include <gtest/gtest.h>

#include <climits>
#include <vector>

#include "../numbers.h"

TEST(Gcd, ZeroAndNegative) {
    EXPECT_EQ(gcd(0, 5), 5);
    EXPECT_EQ(gcd(5, 0), 5);
    EXPECT_EQ(gcd(0, 0), 0);
    EXPECT_EQ(gcd(-12, 18), 6);
    EXPECT_EQ(gcd(12, -18), 6);
    EXPECT_EQ(gcd(-12, -18), 6);
}

TEST(Gcd, LargeNumbers) {
    EXPECT_EQ(gcd(1000000007LL * 3, 1000000007LL * 5), 1000000007LL);
    EXPECT_EQ(gcd(LLONG_MAX, LLONG_MAX - 1), 1);
}

TEST(IsPrime, BelowTwo) {
    EXPECT_FALSE(isPrime(1));
    EXPECT_FALSE(isPrime(0));
    EXPECT_FALSE(isPrime(-7));
}

TEST(IsPrime, LargeNumbers) {
    EXPECT_TRUE(isPrime(1000000007LL));
    EXPECT_FALSE(isPrime(1000000007LL * 3));
    EXPECT_TRUE(isPrime(2147483647LL));  // 2^31 - 1: needs no overflow in d * d
}

TEST(PrimesUpTo, SmallLimits) {
    EXPECT_TRUE(primesUpTo(1).empty());
    EXPECT_TRUE(primesUpTo(-10).empty());
    EXPECT_EQ(primesUpTo(2), std::vector<int>{2});
}

TEST(PrimesUpTo, CountsUpToOneHundredThousand) {
    std::vector<int> primes = primesUpTo(100000);
    EXPECT_EQ(primes.size(), 9592u);
    ASSERT_FALSE(primes.empty());
    EXPECT_EQ(primes.back(), 99991);
}

TEST(ToBinary, ZeroAndLargest) {
    EXPECT_EQ(toBinary(0), "0");
    EXPECT_EQ(toBinary(ULLONG_MAX), std::string(64, '1'));
    EXPECT_EQ(toBinary(1ULL << 40), "1" + std::string(40, '0'));
}

TEST(DigitSum, ZeroAndNegative) {
    EXPECT_EQ(digitSum(0), 0);
    EXPECT_EQ(digitSum(-123), 6);
    EXPECT_EQ(digitSum(LLONG_MIN), 89);  // 9223372036854775808
}
