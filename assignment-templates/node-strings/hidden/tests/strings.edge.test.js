'use strict';
// Edge cases (graded as a *hidden* test: students only see which cases passed).
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const strings = require('../strings');

describe('capitalize', () => {
  it('handles empty and already capitalised text', () => {
    assert.equal(strings.capitalize(''), '');
    assert.equal(strings.capitalize('Already'), 'Already');
    assert.equal(strings.capitalize('x'), 'X');
  });
  it('leaves the rest unchanged', () => {
    assert.equal(strings.capitalize('mIxEd CaSe'), 'MIxEd CaSe');
    assert.equal(strings.capitalize('1st place'), '1st place');
  });
});

describe('reverse', () => {
  it('handles empty text and spaces', () => {
    assert.equal(strings.reverse(''), '');
    assert.equal(strings.reverse('a b  c'), 'c  b a');
  });
});

describe('isPalindrome', () => {
  it('ignores case, spaces and punctuation', () => {
    assert.equal(strings.isPalindrome('A man, a plan, a canal: Panama'), true);
    assert.equal(strings.isPalindrome('No lemon, no melon'), true);
    assert.equal(strings.isPalindrome('Was it a car or a cat I saw?'), true);
  });
  it('treats empty text as a palindrome', () => {
    assert.equal(strings.isPalindrome(''), true);
    assert.equal(strings.isPalindrome('!!'), true);
  });
  it('counts digits', () => {
    assert.equal(strings.isPalindrome('12321'), true);
    assert.equal(strings.isPalindrome('123ab'), false);
  });
});

describe('countVowels', () => {
  it('counts upper-case vowels', () => {
    assert.equal(strings.countVowels('AEIOU aeiou'), 10);
    assert.equal(strings.countVowels('Programming'), 3);
  });
  it('returns 0 for empty text', () => {
    assert.equal(strings.countVowels(''), 0);
  });
});

describe('truncate', () => {
  it('keeps text of exactly maxLength', () => {
    assert.equal(strings.truncate('abcdef', 6), 'abcdef');
  });
  it('counts the ... in maxLength', () => {
    assert.equal(strings.truncate('abcdefg', 6), 'abc...');
    assert.equal(strings.truncate('abcdefg', 3), '...');
  });
  it('cuts without ... below 3', () => {
    assert.equal(strings.truncate('abcdef', 2), 'ab');
    assert.equal(strings.truncate('abcdef', 0), '');
  });
});
