import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Case } from './fixtures';

/** How a refusal of an output folder tells a person to choose another. */
const CHOOSE_FOLDER =
  'point the synth at a folder of its own (DIST_DIR, k8s-platforms --dist or new PlatformApp({ dist })), beside which it writes kustomization/, policy-report.json and docs/';

/** Writes `text` at `path` under `root`, making its folders. */
function plant(root: string, path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

/**
 * Refused inputs: the folders and files the synth writes and keeps beside dist/. The app of each
 * case passes every check; what is refused is on disk, and nothing is written.
 */
export const outputFolders: Case[] = [
  [
    'dist/ pointed at a folder holding files the synth did not write',
    (ctx) => plant(ctx.dist, 'src/index.ts', 'export {};\n'),
    `synth: dist/ holds files the synth did not write (src/index.ts): publishing replaces the whole folder and would delete them (got "<root>/dist"); fix: ${CHOOSE_FOLDER}; or move those files out of dist/`,
  ],
  [
    'dist/ pointed at a file',
    (ctx) => {
      rmSync(ctx.dist, { recursive: true });
      plant(ctx.root, 'dist', 'a file where the folder goes\n');
    },
    `synth: dist/ is a file, where the synth writes a folder (got "<root>/dist"); fix: ${CHOOSE_FOLDER}; or move the file away`,
  ],
  [
    'a file where kustomization/ goes beside dist/',
    (ctx) => plant(ctx.root, 'kustomization', 'a file where the folder goes\n'),
    `synth: kustomization/ (beside dist/) is a file, where the synth writes a folder (got "<root>/kustomization"); fix: ${CHOOSE_FOLDER}; or move the file away`,
  ],
  [
    'a file where docs/ goes beside dist/',
    (ctx) => plant(ctx.root, 'docs', 'a file where the folder goes\n'),
    `synth: docs/ (beside dist/) is a file, where the synth writes a folder (got "<root>/docs"); fix: ${CHOOSE_FOLDER}; or move the file away`,
  ],
  [
    'a kustomization/ beside dist/ that is not the synth’s',
    (ctx) => plant(ctx.root, 'kustomization/base/deployment.yaml', 'kind: Deployment\n'),
    `synth: kustomization/ (beside dist/) holds files the synth did not write (base/deployment.yaml): publishing replaces the whole folder and would delete them (got "<root>/kustomization"); fix: ${CHOOSE_FOLDER}; or move those files out of kustomization/`,
  ],
  [
    'a policy-report.json beside dist/ that is not a report the synth wrote',
    (ctx) => plant(ctx.root, 'policy-report.json', '{"findings": []}\n'),
    `synth: policy-report.json (beside dist/) is not a report the synth wrote (JSON with a "platforms" list), and publishing would replace it (got "<root>/policy-report.json"); fix: ${CHOOSE_FOLDER}; or move the file away`,
  ],
  [
    'a page someone wrote where a build’s generated doc goes',
    (ctx) => plant(ctx.root, 'docs/test.md', '# Notes on the test cluster\n'),
    'synth: docs/ is a page the synth did not generate (its first line is not the generated marker), and publishing would replace it with the build\'s generated doc (got "<root>/docs/test.md"); fix: move or rename the page; the synth writes docs/<build>.md for each build',
  ],
  [
    'an empty publish journal',
    (ctx) => plant(ctx.root, '.synth-journal', ''),
    '<root>/.synth-journal: content is empty: it is not a publish journal this synth wrote, so it cannot tell which outputs an interrupted publish had decided to replace (got ""); fix: no publish was under way (no staged or parked copy is beside the outputs): delete <root>/.synth-journal and run the synth again',
  ],
  [
    'a publish journal that is not JSON, beside a parked copy of dist/',
    (ctx) => {
      plant(ctx.root, '.synth-journal', '["half');
      plant(ctx.root, '.dist-previous/test/kustomization.yaml', 'resources: []\n');
    },
    '<root>/.synth-journal: content is not JSON: it is not a publish journal this synth wrote, so it cannot tell which outputs an interrupted publish had decided to replace (got "[\\"half"); fix: an interrupted publish left <root>/.dist-previous; delete <root>/.synth-journal and run the synth again: it keeps each output as it is now (putting back one that is only parked), removes the staged copies and, once it succeeds, has published every output anew (until then they may mix an older and a newer synth)',
  ],
  [
    'a publish journal naming a path that is no output of the synth',
    (ctx) => plant(ctx.root, '.synth-journal', '{"swap": ["/etc"], "remove": []}'),
    '<root>/.synth-journal: content names /etc, which is not an output of this synth: it is not a publish journal this synth wrote, so it cannot tell which outputs an interrupted publish had decided to replace (got "{\\"swap\\": [\\"/etc\\"], \\"remove\\": []}"); fix: no publish was under way (no staged or parked copy is beside the outputs): delete <root>/.synth-journal and run the synth again',
  ],
  [
    'a synth lock naming a live process without the start time a synth writes',
    (ctx) => plant(ctx.root, '.synth.lock', `${process.pid}\n`),
    '<root>/.synth.lock: content names pid <pid>, a running process (<command>), without the start time a synth writes beside its pid, so the synth cannot tell a synth holding the lock from a leftover whose pid now belongs to another process (got "<pid>\\n"); fix: if no synth is running, delete <root>/.synth.lock and run the synth again',
  ],
];
