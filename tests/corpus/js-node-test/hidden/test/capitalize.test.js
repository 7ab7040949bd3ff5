const test = require('node:test');
const assert = require('node:assert');
const { capitalize } = require('../strings');

test('capitalizes the first letter', () => {
  assert.strictEqual(capitalize('hello'), 'Hello');
});

test('leaves an empty string alone', () => {
  assert.strictEqual(capitalize(''), '');
});
