function capitalize(text) {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}

function reverseWords(text) {
  return text.split(' ').reverse().join(' ');
}

module.exports = { capitalize, reverseWords };
