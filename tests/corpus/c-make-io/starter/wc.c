#include <stdio.h>

int main(void) {
    long lines = 0, chars = 0;
    int c;
    while ((c = getchar()) != EOF) {
        chars++;
        if (c == '\n') {
            lines++;
        }
    }
    /* TODO: count words */
    printf("%ld %d %ld\n", lines, 0, chars);
    return 0;
}
