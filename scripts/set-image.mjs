#!/usr/bin/env node
// CI's replacement for `kubectl set image`: pins one image of a platform's image file to the
// commit CI built, e.g. `node scripts/set-image.mjs platforms/edd-cloud/images.json gateway <sha>`.
// The synth then checks the tag (lib/workloads/image-catalog.ts: a commit or a version, never
// "latest") and writes dist/ from it; CI commits both and Flux applies the commit.
// Exit codes: 0 written; 1 the file has no such image; 2 bad arguments or an unreadable file.
import { readFileSync, writeFileSync } from 'node:fs';

const USAGE = `Usage: node scripts/set-image.mjs <images.json> <image> <tag>
Sets <image>'s tag in a platform's image file (e.g. platforms/edd-cloud/images.json); run npm run synth next.
Exit codes: 0 written; 1 the file has no such image; 2 bad arguments or an unreadable file.`;
const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const fail = (code, message) => {
  process.stderr.write(`set-image: ${message}\n`);
  process.exit(code);
};
const [file, image, tag] = args;
if (args.length !== 3) fail(2, 'needs three arguments: <images.json> <image> <tag>; see --help');
let images;
try {
  images = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  fail(2, `cannot read ${file} (${error.message})`);
}
if (!(image in images)) fail(1, `${file}: ${image} is not an image of this platform; use one of: ${Object.keys(images).join(', ')}`);
images[image] = { ...images[image], tag };
const lines = Object.keys(images)
  .sort()
  .map(
    (name) =>
      `  ${JSON.stringify(name)}: ${JSON.stringify(images[name]).replace(/,"/g, ', "').replace(/":/g, '": ').replace(/^\{/, '{ ').replace(/\}$/, ' }')}`,
  );
writeFileSync(file, `{\n${lines.join(',\n')}\n}\n`);
