'use strict';
/**
 * String helpers: reference solution.
 */

function capitalize(text) {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}

function reverse(text) {
  // Array.from splits by code point, so characters outside the BMP (emoji) stay whole.
  return Array.from(text).reverse().join('');
}

function isPalindrome(text) {
  const letters = text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return letters === reverse(letters);
}

function countVowels(text) {
  return (text.match(/[aeiou]/gi) || []).length;
}

function truncate(text, maxLength) {
  if (text.length <= maxLength) {
    return text;
  }
  if (maxLength < 3) {
    return text.slice(0, Math.max(0, maxLength));
  }
  return text.slice(0, maxLength - 3) + '...';
}

module.exports = { capitalize, reverse, isPalindrome, countVowels, truncate };
