import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtBundle } from '../shared-synth';

const root = join(__dirname, '..', '..');
const diff = (...args: string[]) =>
  spawnSync('node', ['build/k8s-platforms.js', 'diff', '--app', 'node build/main.js', ...args], { cwd: root, encoding: 'utf8' });
/** The platform folders of the committed dist/, sorted as the diff lists them; a platform added the README's way needs no change here. */
const platforms = readdirSync(join(root, 'dist')).sort();
/** The diff's line for each platform but `except`: nothing of it changed. */
const unchanged = (except?: string) => platforms.filter((p) => p !== except).map((p) => `  ${p}: no changes`);

/**
 * A repository whose committed dist/ is ours with hand-made differences, so that a fresh synth
 * changes a replica count (3 -> 2), removes a claim, and changes an immutable selector.
 */
function editedHistory(edited = true): string {
  const repo = mkdtempSync(join(tmpdir(), 'diff-'));
  const dist = join(repo, 'dist');
  cpSync(join(root, 'dist'), dist, { recursive: true });
  const edit = (file: string, from: string, to: string) =>
    edited && writeFileSync(join(dist, file), readFileSync(join(dist, file), 'utf8').replace(from, to));
  edit('archiverse/apps/archiverse/deployment-frontend.yaml', 'replicas: 2', 'replicas: 3');
  edit(
    'archiverse/apps/archiverse/deployment-backend.yaml',
    'selector:\n    matchLabels:\n      app.kubernetes.io/name: backend',
    'selector:\n    matchLabels:\n      app.kubernetes.io/name: api',
  );
  if (edited)
    writeFileSync(
      join(dist, 'archiverse/apps/archiverse/persistentvolumeclaim-uploads.yaml'),
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: uploads\n  namespace: archiverse\nspec:\n  resources:\n    requests:\n      storage: 5Gi\n',
    );
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, stdio: 'pipe' });
  git('init', '-q');
  git('add', 'dist');
  git('commit', '-qm', 'edited dist');
  return dist;
}

beforeAll(() => builtBundle());

describe('npm run diff (k8s-platforms diff)', () => {
  test('reports a hand-made change object by object, destructive first, and exits 1', () => {
    const dist = editedHistory();
    const run = diff('--dist', dist);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [
        'changes against the committed dist/ (HEAD):',
        '  archiverse: 0 added, 1 removed, 2 changed, 2 DESTRUCTIVE',
        '    !- removed PersistentVolumeClaim archiverse/uploads (apps)',
        '        DESTRUCTIVE: removes a claim: its volume is deleted with it',
        '    !~ changed Deployment archiverse/backend (apps)',
        '        DESTRUCTIVE: immutable field spec.selector changed: the object must be deleted and recreated',
        '        spec.selector.matchLabels.app.kubernetes.io/name: "api" -> "backend"',
        '     ~ changed Deployment archiverse/frontend (apps)',
        '        spec.replicas: 3 -> 2',
        ...unchanged('archiverse'),
        '',
      ].join('\n'),
    );
    const markdown = diff('--dist', dist, '--markdown');
    expect(markdown.status).toBe(1);
    expect(markdown.stdout).toContain(
      `## Object changes against \`the committed dist/ (HEAD)\`\n\n### archiverse: 0 added, 1 removed, 2 changed, 2 DESTRUCTIVE\n\n> [!CAUTION]\n`,
    );
    expect(markdown.stdout).toContain('| changed | `Deployment archiverse/frontend` | `spec.replicas: 3 -> 2` |');
  });

  test('nothing changed against a commit of the same dist/: exit 0', () => {
    const dist = editedHistory(false);
    const run = diff('--dist', dist, '--against', 'HEAD');
    expect([run.status, run.stdout]).toEqual([0, [`changes against ${dist}/ at HEAD:`, ...unchanged(), ''].join('\n')]);
  });

  test('a ref that names no commit, or a bad argument, is one line and exit 2', () => {
    const noRef = diff('--against', 'no-such-ref');
    expect([noRef.status, noRef.stderr]).toEqual([
      2,
      'diff: "no-such-ref" names no commit of the repository holding dist/ (in a shallow clone, git fetch it first)\n',
    ]);
    const badArgument = diff('--fast');
    expect([badArgument.status, badArgument.stderr]).toEqual([2, 'k8s-platforms: diff: unknown argument "--fast"; see k8s-platforms diff --help\n']);
    expect(diff('--help').stdout).toMatch(/^Usage: k8s-platforms diff \[--platform <build>\]\.\.\. \[--against <git-ref>\]/);
  });
});
