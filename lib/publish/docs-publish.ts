import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { replaceFile } from './dist-swap';
import { DOCS_PATH, GENERATED_DOC_MARKER } from '../docs/platform-docs';

/** docs/ sits beside dist/, as in the repository; docs/api/ (npm run api-docs) shares it. */
export function docsDir(outdir: string): string {
  return join(dirname(outdir), DOCS_PATH);
}

/**
 * Writes each platform doc by the checked swap (file by file: docs/ also holds the API reference,
 * which the synth does not own) and removes generated docs of builds that no longer exist. Files
 * without the generated marker are never touched. Runs after publish(), under the synth lock.
 */
export function publishDocs(dir: string, docs: ReadonlyMap<string, string>, options: { readonly removeStale?: boolean } = {}): void {
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of docs) {
    const target = join(dir, file);
    if (!existsSync(target) || readFileSync(target, 'utf8') !== content) replaceFile(target, content);
  }
  if (options.removeStale === false) return; // a synth of some builds leaves the others' docs alone
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md') && !docs.has(f))) {
    if (readFileSync(join(dir, file), 'utf8').startsWith(GENERATED_DOC_MARKER)) rmSync(join(dir, file));
  }
}
