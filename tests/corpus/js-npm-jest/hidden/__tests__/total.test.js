const { total } = require('../cart');

test('adds up price times quantity', () => {
  expect(total([{ price: 2.5, quantity: 2 }, { price: 1, quantity: 3 }])).toBe(8);
});

test('an empty cart costs nothing', () => {
  expect(total([])).toBe(0);
});
