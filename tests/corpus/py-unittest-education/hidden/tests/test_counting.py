import unittest

from words import count_words


class CountingTest(unittest.TestCase):
    def test_counts_words(self):
        self.assertEqual(count_words("the cat sat on the mat"), 6)

    def test_ignores_extra_spaces(self):
        self.assertEqual(count_words("  two   words "), 2)


if __name__ == "__main__":
    unittest.main()
