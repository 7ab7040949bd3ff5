'use strict';
// Basic cases (graded as a *visible* test: students see each failing case and its message).
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const strings = require('../strings');

describe('capitalize', () => {
  it('upper-cases the first letter', () => {
    assert.equal(strings.capitalize('hello'), 'Hello');
    assert.equal(strings.capitalize('hello world'), 'Hello world');
  });
});

describe('reverse', () => {
  it('reverses a word', () => {
    assert.equal(strings.reverse('abc'), 'cba');
    assert.equal(strings.reverse('stressed'), 'desserts');
  });
});

describe('isPalindrome', () => {
  it('accepts simple palindromes', () => {
    assert.equal(strings.isPalindrome('racecar'), true);
    assert.equal(strings.isPalindrome('level'), true);
  });
  it('rejects other words', () => {
    assert.equal(strings.isPalindrome('hello'), false);
  });
});

describe('countVowels', () => {
  it('counts lower-case vowels', () => {
    assert.equal(strings.countVowels('programming'), 3);
    assert.equal(strings.countVowels('rhythm'), 0);
  });
});

describe('truncate', () => {
  it('shortens long text with ...', () => {
    assert.equal(strings.truncate('Hello, world', 8), 'Hello...');
  });
  it('leaves short text alone', () => {
    assert.equal(strings.truncate('Hi', 10), 'Hi');
  });
});
