// What make compares: the path, size and modification time of every file under some paths, as one
// hash. A step that records it after a good run can skip the next run when it is unchanged.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The stamp of every file under `paths` (files or folders), leaving out folders `skip` names. */
export function inputStamp(paths, skip = () => false) {
  const hash = createHash('sha256').update(`node ${process.version}\n`);
  const visit = (path) => {
    if (!existsSync(path) || skip(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    else hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  paths.forEach(visit);
  return hash.digest('hex');
}
