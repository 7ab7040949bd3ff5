// Grade statistics: reference solution.
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <vector>

int main() {
    int count = 0;
    if (!(std::cin >> count) || count <= 0) {
        std::cout << "no grades\n";
        return 0;
    }

    std::vector<int> grades;
    grades.reserve(count);
    for (int i = 0, grade; i < count && std::cin >> grade; ++i) {
        grades.push_back(grade);
    }
    if (grades.empty()) {
        std::cout << "no grades\n";
        return 0;
    }

    long long sum = 0;
    for (int grade : grades) {
        sum += grade;
    }
    double average = static_cast<double>(sum) / static_cast<double>(grades.size());

    std::cout << "count: " << grades.size() << '\n';
    std::cout << "min: " << *std::min_element(grades.begin(), grades.end()) << '\n';
    std::cout << "max: " << *std::max_element(grades.begin(), grades.end()) << '\n';
    std::cout << "average: " << std::fixed << std::setprecision(2) << average << '\n';
    return 0;
}
