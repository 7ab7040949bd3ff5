'use strict';
/**
 * String helpers. Complete the five functions below; do not rename them or change what the
 * module exports. Only use plain JavaScript (no packages).
 *
 *   capitalize('hello world')        === 'Hello world'  (first character upper-cased, the rest unchanged)
 *   reverse('abc')                   === 'cba'
 *   isPalindrome('A man, a plan, a canal: Panama') === true
 *                                     (letters and digits only, case ignored; '' is a palindrome)
 *   countVowels('Programming')       === 3      (a, e, i, o, u, either case)
 *   truncate('Hello, world', 8)      === 'Hello...'
 *                                     (at most maxLength characters, '...' included; text that
 *                                      already fits is returned unchanged; for maxLength < 3,
 *                                      the first maxLength characters with no '...')
 *
 * Try it: node -e "console.log(require('./strings').reverse('abc'))"
 */

function capitalize(text) {
  // TODO: upper-case the first character.
  return text;
}

function reverse(text) {
  // TODO: return the characters in reverse order.
  return text;
}

function isPalindrome(text) {
  // TODO: compare the letters and digits, ignoring case.
  return false;
}

function countVowels(text) {
  // TODO: count a, e, i, o, u in either case.
  return 0;
}

function truncate(text, maxLength) {
  // TODO: shorten long text and end it with '...'.
  return text;
}

module.exports = { capitalize, reverse, isPalindrome, countVowels, truncate };
