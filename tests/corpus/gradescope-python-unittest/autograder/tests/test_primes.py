import unittest

from primes import is_prime, primes_below


class PrimesTest(unittest.TestCase):
    def test_small_primes(self):
        """[2 points] small primes are prime"""
        self.assertTrue(all(is_prime(n) for n in (2, 3, 5, 7, 11)))

    def test_composites(self):
        """[2 points] composites are not prime"""
        self.assertFalse(any(is_prime(n) for n in (1, 4, 9, 15, 21)))

    def test_primes_below(self):
        """[3 points] lists the primes below n"""
        self.assertEqual(primes_below(20), [2, 3, 5, 7, 11, 13, 17, 19])

    def test_large(self):
        """[3 points, hidden] a large prime"""
        self.assertTrue(is_prime(1_000_003))
