import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { buildSync } from 'esbuild';
import { GENERATED_DOC_MARKER } from '../../lib/docs/platform-docs';

/**
 * Every command and path the hand-written docs name works: README.md, docs/*.md (except the build
 * pages the synth generates) and platforms/<name>/README.md. It checks each `npm run <script>`
 * against package.json, runs each `node scripts/<x>.mjs` and `npx k8s-platforms <command>` with
 * --help, and checks that each relative Markdown link (with its #anchor) and each repository path
 * in inline code exists. Nothing is synthesized.
 */
const root = resolve(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const pkg = JSON.parse(read('package.json'));

/**
 * The package's command line (lib/cli) and the `k8s-platforms` bin are being added beside these
 * docs. Until lib/cli exists, what the docs say about it is a todo rather than a failure; once it
 * exists, it is checked like everything else.
 */
const COMMAND_LINE_PENDING = !existsSync(join(root, 'lib', 'cli'));
const pendingPath = (path: string) => COMMAND_LINE_PENDING && /^lib\/cli(\/|$)/.test(path);

interface Page {
  readonly file: string;
  /** The text outside fenced code blocks. */
  readonly prose: string;
  /** Inline code spans of the prose, and the fenced code blocks. */
  readonly code: readonly string[];
}

function pages(): Page[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`)
    .filter((f) => !read(f).startsWith(GENERATED_DOC_MARKER));
  const platformReadmes = readdirSync(join(root, 'platforms'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `platforms/${e.name}/README.md`)
    .filter((f) => existsSync(join(root, f)));
  return ['README.md', ...docs, ...platformReadmes].map((file) => {
    const text = read(file);
    const fences = [...text.matchAll(/^```[^\n]*\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
    const prose = text.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
    const inline = [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
    return { file, prose, code: [...inline, ...fences] };
  });
}

const all = pages();
const inCode = (pattern: RegExp) => [...new Set(all.flatMap((p) => p.code.flatMap((c) => [...c.matchAll(pattern)].map((m) => m[1]))))].sort();

/** Every file and folder of the repository, as posix paths relative to its root. */
function repositoryPaths(): string[] {
  const skip = new Set(['.git', 'node_modules', 'build', 'coverage', '.cdk8s-staging']);
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true })
      .filter((e) => !skip.has(e.name))
      .flatMap((e) => {
        const path = dir ? `${dir}/${e.name}` : e.name;
        return e.isDirectory() ? [path, ...walk(path)] : [path];
      });
  return walk('');
}

/** Whether a path in the docs names something in the repository; `<placeholder>` and `*` match any one name. */
function pathExists(path: string, paths: readonly string[]): boolean {
  const bare = path.replace(/\/$/, '');
  if (!/[<*]/.test(bare)) return existsSync(join(root, bare)) || ignoredByGit(path);
  const pattern = new RegExp(
    `^${bare
      .split(/(<[^>]+>|\*)/)
      .map((part) => (part === '*' || part.startsWith('<') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`,
  );
  return paths.some((p) => pattern.test(p));
}

/** An output the repository does not commit (docs/api/, ...): named by the docs, present once built. */
function ignoredByGit(path: string): boolean {
  return spawnSync('git', ['check-ignore', '-q', '--no-index', path], { cwd: root }).status === 0;
}

/** GitHub's anchors of a Markdown file's headings (fenced blocks excluded). */
function anchorsOf(text: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of text.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '').matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = heading
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
    seen.set(slug, n + 1);
  }
  return anchors;
}

describe('every command and path the docs name works', () => {
  test('the hand-written pages are the README, the docs/ pages and a README per platform', () => {
    const files = all.map((p) => p.file);
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        'docs/writing-a-platform.md',
        'docs/using-the-library.md',
        'docs/synth-and-checks.md',
        'docs/reviewing-a-change.md',
        'docs/operating-the-clusters.md',
      ]),
    );
    const platforms = readdirSync(join(root, 'platforms'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(platforms.filter((name) => !files.includes(`platforms/${name}/README.md`))).toEqual([]);
  });

  test("every generated docs/<build>.md is linked from its platform's README", () => {
    const builds = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md') && read(`docs/${f}`).startsWith(GENERATED_DOC_MARKER));
    expect(builds.length).toBeGreaterThan(0);
    const linked = all
      .filter((p) => p.file.startsWith('platforms/'))
      .flatMap((p) => [...p.prose.matchAll(/\]\(\.\.\/\.\.\/docs\/([^)#]+\.md)\)/g)].map((m) => m[1]));
    expect(builds.filter((b) => !linked.includes(b))).toEqual([]);
  });

  test('every `npm run <script>` and `npm test` is a script of package.json', () => {
    const named = [...inCode(/\bnpm run (?:--silent )?([a-z][\w:.-]*)/g), ...inCode(/\bnpm (test)\b/g)];
    expect(named).toEqual(expect.arrayContaining(['synth', 'test', 'diff', 'import', 'bench', 'api-docs', 'build:package']));
    expect(named.filter((script) => !(script in pkg.scripts))).toEqual([]);
  });

  test('every `node scripts/<x>.mjs` exists and answers --help with exit 0', () => {
    const scripts = inCode(/\bnode (scripts\/[\w.-]+\.mjs)\b/g);
    expect(scripts).toEqual(expect.arrayContaining(['scripts/validate-dist.mjs', 'scripts/set-image.mjs']));
    const failing = scripts.filter((script) => {
      const run = spawnSync(process.execPath, [script, '--help'], { cwd: root, encoding: 'utf8', input: '' });
      return run.status !== 0 || !/^Usage: /.test(run.stdout);
    });
    expect(failing).toEqual([]);
  }, 60_000);

  const commands = inCode(/\bnpx k8s-platforms ([a-z][a-z-]*(?: \\?\| [a-z][a-z-]*)*)/g).flatMap((c) => c.split(/ \\?\| /));
  const k8sPlatformsCommands = [...new Set(commands)].sort();
  if (COMMAND_LINE_PENDING) {
    test.todo(`npx k8s-platforms ${k8sPlatformsCommands.join(', ')} answer --help (lib/cli is not in this tree yet)`);
  } else {
    test('every `npx k8s-platforms <command>` answers --help with exit 0', () => {
      expect(k8sPlatformsCommands).toEqual(expect.arrayContaining(['synth', 'diff', 'validate', 'docs']));
      const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.['k8s-platforms'];
      expect(bin).toEqual(expect.any(String));
      const cli = runnable(bin);
      try {
        const failing = k8sPlatformsCommands.filter(
          (command) => spawnSync(process.execPath, [cli.file, command, '--help'], { cwd: root, encoding: 'utf8', input: '' }).status !== 0,
        );
        expect(failing).toEqual([]);
      } finally {
        cli.dispose();
      }
    }, 60_000);
  }

  test('every relative Markdown link points at a file of the repository, and its #anchor at a heading there', () => {
    const broken: string[] = [];
    for (const page of all) {
      const prose = page.prose.replace(/`[^`\n]+`/g, '');
      for (const [, target] of prose.matchAll(/(?<!!)\[[^\]]*\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        const [path, anchor] = target.split('#');
        const file = path
          ? relative(root, resolve(root, dirname(page.file), path))
              .split(sep)
              .join('/')
          : page.file;
        if (!existsSync(join(root, file))) broken.push(`${page.file}: ${target} (no ${file})`);
        else if (anchor !== undefined && file.endsWith('.md') && !anchorsOf(read(file)).has(anchor))
          broken.push(`${page.file}: ${target} (no heading #${anchor} in ${file})`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('every repository path in inline code exists (a <placeholder> matches any name; outputs Git ignores may be absent)', () => {
    const paths = repositoryPaths();
    const missing: string[] = [];
    let checked = 0;
    for (const page of all) {
      const inline = [...page.prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
      for (const token of inline.flatMap((span) => span.split(/\s+/))) {
        const path = token.replace(/^[("']+|[)"',;:.]+$/g, '');
        if (!/^(lib|platforms|test|scripts|docs|imports|dist|kustomization|\.ci)\/\S*$/.test(path) || path.includes('...') || pendingPath(path))
          continue;
        checked++;
        if (!pathExists(path, paths)) missing.push(`${page.file}: ${path}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});

/** The bin as a file node can run: itself when built, else its TypeScript source bundled. */
function runnable(bin: string): { file: string; dispose(): void } {
  const target = join(root, bin);
  if (existsSync(target)) return { file: target, dispose: () => undefined };
  const source = join(root, bin.replace(/^(\.\/)?build\/lib\//, 'lib/').replace(/\.js$/, '.ts'));
  if (!existsSync(source)) throw new Error(`package.json bin ${bin} is not built and has no source at ${relative(root, source)}`);
  mkdirSync(join(root, 'build'), { recursive: true });
  const scratch = mkdtempSync(join(root, 'build', 'docs-cli-'));
  const file = join(scratch, 'k8s-platforms.cjs');
  buildSync({ entryPoints: [source], outfile: file, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'warning' });
  return { file, dispose: () => rmSync(scratch, { recursive: true, force: true }) };
}
