function total(items) {
  return items.reduce((sum, item) => sum + item.price * item.quantity, 0);
}

function withDiscount(items, percent) {
  // TODO: never below zero
  return total(items) * (1 - percent / 100);
}

module.exports = { total, withDiscount };
