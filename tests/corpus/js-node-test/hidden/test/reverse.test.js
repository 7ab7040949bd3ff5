const test = require('node:test');
const assert = require('node:assert');
const { reverseWords } = require('../strings');

test('reverses the order of words', () => {
  assert.strictEqual(reverseWords('one two three'), 'three two one');
});
