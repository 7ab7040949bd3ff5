const { total, withDiscount } = require('../cart');

test('takes a percentage off the total', () => {
  expect(withDiscount([{ price: 10, quantity: 2 }], 25)).toBe(15);
});

test('never goes below zero', () => {
  expect(withDiscount([{ price: 10, quantity: 1 }], 150)).toBe(0);
});
