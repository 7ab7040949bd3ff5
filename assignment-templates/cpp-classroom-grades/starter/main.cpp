// Grade statistics.
//
// Read from standard input a count N, then N whole-number grades (0 to 100), separated by
// spaces or newlines, and print:
//
//     count: N
//     min: LOWEST
//     max: HIGHEST
//     average: MEAN        (with exactly two decimals, e.g. 87.50)
//
// When N is 0, print the single line "no grades" instead.
//
//     $ printf '3\n70 80 90\n' | ./main
//     count: 3
//     min: 70
//     max: 90
//     average: 80.00
//
// Build and try it:  g++ -std=c++17 -Wall -o main main.cpp && printf '3\n70 80 90\n' | ./main
#include <iostream>

int main() {
    int count = 0;
    std::cin >> count;

    // TODO: read the grades, then compute the lowest, the highest and the average.
    // TODO: print "no grades" when count is 0.

    std::cout << "count: " << count << '\n';
    std::cout << "min: " << 0 << '\n';
    std::cout << "max: " << 0 << '\n';
    std::cout << "average: " << 0 << '\n';
    return 0;
}
