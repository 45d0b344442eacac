// Bundled in place of `string-width` (scripts/build.mjs): the same function, memoised.
'use strict';
const stringWidth = require(REAL_STRING_WIDTH);

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const LIMIT = 4096;
let cache = new Map();

function memoStringWidth(string) {
  if (typeof string !== 'string') return stringWidth(string);
  if (PRINTABLE_ASCII.test(string)) return string.length;
  let width = cache.get(string);
  if (width === undefined) {
    width = stringWidth(string);
    if (cache.size >= LIMIT) cache = new Map();
    cache.set(string, width);
  }
  return width;
}

module.exports = memoStringWidth;
module.exports.default = memoStringWidth;
