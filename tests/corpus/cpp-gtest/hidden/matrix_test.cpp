#include <gtest/gtest.h>

#include "matrix.h"

TEST(Matrix, Trace) {
    EXPECT_EQ(trace({{1, 2}, {3, 4}}), 5);
}

TEST(Matrix, Transpose) {
    Matrix expected = {{1, 3}, {2, 4}};
    EXPECT_EQ(transpose({{1, 2}, {3, 4}}), expected);
}
