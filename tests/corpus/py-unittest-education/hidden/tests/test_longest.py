import unittest

from words import longest_word


class LongestTest(unittest.TestCase):
    def test_longest(self):
        self.assertEqual(longest_word("a quick brown fox"), "quick")

    def test_first_of_equal_length(self):
        self.assertEqual(longest_word("ab cd"), "ab")


if __name__ == "__main__":
    unittest.main()
