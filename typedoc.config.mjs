// The API reference (`npm run api-docs` -> docs/api/index.html), generated from the TSDoc comments of
// the package's public API: one page per layer of lib/ (docs/using-the-library.md) and one for the
// generated CRD classes. Warnings fail the run, so a broken {@link} or a public signature using an
// unexported type is caught by test/package/docs.test.ts.
import { OptionDefaults } from 'typedoc';

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'k8s-platforms API',
  entryPoints: [
    'core',
    'placement',
    'storage',
    'scaling',
    'crds',
    'workloads',
    'security',
    'ingress',
    'monitoring',
    'addons',
    'policy',
    'flux',
    'output',
    'docs',
    'changes',
    'publish',
    'pipeline',
    'cli',
  ]
    .map((layer) => `lib/${layer}/index.ts`)
    .concat('lib/crd-imports.ts'),
  tsconfig: 'tsconfig.build.json',
  out: 'docs/api',
  readme: 'none',
  disableSources: true,
  excludePrivate: true,
  // `cdk8s import` writes `@schema <name>` on every generated declaration.
  blockTags: [...OptionDefaults.blockTags, '@schema'],
  // A file-local alias ('baseline' | 'restricted') in a public signature; named here so it is a
  // deliberate omission, not a warning.
  intentionallyNotExported: ['Level'],
  validation: { notExported: true, invalidLink: true, notDocumented: false },
  treatWarningsAsErrors: true,
};
