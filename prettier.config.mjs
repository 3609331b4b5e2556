// Prettier (`npm run format` writes, `npm run format:check` checks): the style the code was
// written in. Single quotes, semicolons, trailing commas, two spaces, `(x) =>`.
// printWidth 150: the code was written to about that width; 150 leaves no breakable line longer
// (only unbreakable strings and comments stay longer) and rewraps the fewest lines of the widths
// tried (120: 276 files, 140: 263, 150: 256; 160 leaves about 200 more lines over 150).
/** @type {import('prettier').Config} */
export default {
  printWidth: 150,
  singleQuote: true,
  semi: true,
  trailingComma: 'all',
  tabWidth: 2,
  arrowParens: 'always',
  bracketSpacing: true,
  endOfLine: 'lf',
};
