"""Word count: read text from standard input and report its lines, words and characters.

Run it like this:

    python3 wordcount.py < some_file.txt

and it should print exactly three lines, for example:

    lines: 3
    words: 9
    chars: 44

* lines: how many lines the text has (a last line without a final newline still counts);
* words: how many words, where a word is a run of characters that are not spaces,
  tabs or newlines;
* chars: how many characters the text has, newlines included (characters, not bytes:
  "é" counts as one).

Complete the three count_* functions below. Do not change what main() prints.
"""
import sys


def count_lines(text):
    """Return the number of lines in text."""
    # TODO: count the lines.
    return 0


def count_words(text):
    """Return the number of words in text."""
    # TODO: count the words.
    return 0


def count_chars(text):
    """Return the number of characters in text."""
    # TODO: count the characters.
    return 0


def main():
    text = sys.stdin.read()
    print(f"lines: {count_lines(text)}")
    print(f"words: {count_words(text)}")
    print(f"chars: {count_chars(text)}")


if __name__ == "__main__":
    main()
