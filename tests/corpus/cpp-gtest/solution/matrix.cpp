#include "matrix.h"

int trace(const Matrix& m) {
    int sum = 0;
    for (std::size_t i = 0; i < m.size(); ++i) {
        sum += m[i][i];
    }
    return sum;
}

Matrix transpose(const Matrix& m) {
    if (m.empty()) {
        return {};
    }
    Matrix t(m[0].size(), std::vector<int>(m.size()));
    for (std::size_t i = 0; i < m.size(); ++i) {
        for (std::size_t j = 0; j < m[i].size(); ++j) {
            t[j][i] = m[i][j];
        }
    }
    return t;
}
