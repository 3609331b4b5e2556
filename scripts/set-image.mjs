#!/usr/bin/env node
// CI's replacement for `kubectl set image`: pins one image of a platform's image file to the
// commit CI built, e.g. `node scripts/set-image.mjs lib/platforms/edd-cloud/images.json gateway <sha>`.
// The synth then checks the tag (lib/workloads/image-catalog.ts: a commit or a version, never
// "latest") and writes dist/ from it; CI commits both and Flux applies the commit.
import { readFileSync, writeFileSync } from 'node:fs';

const [file, image, tag] = process.argv.slice(2);
if (!file || !image || !tag) {
  console.error('usage: node scripts/set-image.mjs <images.json> <image> <tag>');
  process.exit(2);
}
const images = JSON.parse(readFileSync(file, 'utf8'));
if (!(image in images)) {
  console.error(`${file}: ${image} is not an image of this platform; use one of: ${Object.keys(images).join(', ')}`);
  process.exit(1);
}
images[image] = { ...images[image], tag };
const lines = Object.keys(images).sort().map((name) => `  ${JSON.stringify(name)}: ${JSON.stringify(images[name]).replace(/,"/g, ', "').replace(/":/g, '": ').replace(/^\{/, '{ ').replace(/\}$/, ' }')}`);
writeFileSync(file, `{\n${lines.join(',\n')}\n}\n`);
