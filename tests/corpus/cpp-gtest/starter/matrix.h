#pragma once
#include <vector>

using Matrix = std::vector<std::vector<int>>;

int trace(const Matrix& m);
Matrix transpose(const Matrix& m);
