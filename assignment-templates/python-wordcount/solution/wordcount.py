"""Word count: read text from standard input and report its lines, words and characters.

Reference solution.
"""
import sys


def count_lines(text):
    """Number of lines; a last line without a final newline still counts."""
    return len(text.splitlines())


def count_words(text):
    """Number of words: runs of non-whitespace characters."""
    return len(text.split())


def count_chars(text):
    """Number of characters (not bytes), newlines included."""
    return len(text)


def main():
    text = sys.stdin.read()
    print(f"lines: {count_lines(text)}")
    print(f"words: {count_words(text)}")
    print(f"chars: {count_chars(text)}")


if __name__ == "__main__":
    main()
