import unittest

from quad import octuple, quadruple


class QuadrupleTest(unittest.TestCase):
    def test_positive(self):
        self.assertEqual(quadruple(3), 12)

    def test_negative(self):
        self.assertEqual(quadruple(-2), -8)


class OctupleTest(unittest.TestCase):
    def test_positive(self):
        self.assertEqual(octuple(2), 16)

    def test_negative(self):
        self.assertEqual(octuple(-1), -8)
