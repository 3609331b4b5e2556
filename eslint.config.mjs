// @ts-check
// ESLint (`npm run lint`, part of `npm test`): typescript-eslint's recommended type-aware rules plus
// a few that catch real bugs. Types, unused names and formatting are checked elsewhere: tsc
// (`noUnusedLocals`, `noUnusedParameters`) and Prettier (`npm run format:check`).
// No rule here is about layout (the recommended sets of ESLint 9+ and typescript-eslint 8 carry
// none), so ESLint and Prettier cannot disagree: eslint passes on the Prettier-formatted tree.
// Enabling a stylistic rule would change that; add eslint-config-prettier last then.
import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Generated trees: cdk8s import output, the ajv validators, synth output, compiled output.
    ignores: ['lib/imports/**', 'imports/**', 'dist/**', 'kustomization/**', 'build/**', 'docs/api/**', 'coverage/**'],
  },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // One program for the whole tsconfig.json (the same one `tsc --noEmit` checks). The project
      // service found the same tsconfig but cost about 5 s more CPU a run on this tree.
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Bugs the recommended sets leave to taste: loose equality, a map/filter callback that forgets
      // to return, a loop that cannot loop, a returned promise that skips its try/catch, a switch
      // over a union that misses a member.
      eqeqeq: ['error', 'always'],
      'array-callback-return': 'error',
      'no-constructor-return': 'error',
      'no-self-compare': 'error',
      'no-unmodified-loop-condition': 'error',
      'no-unreachable-loop': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Static methods (cdk8s's `ApiObject.isApiObject`, `Platform.isPlatform`) are passed to
      // filter() unbound by design; an instance method passed unbound is still an error.
      '@typescript-eslint/unbound-method': ['error', { ignoreStatic: true }],
      // `interface WebServiceProps extends WorkloadProps {}`: the aws-cdk `XxxProps` naming convention.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // tsc reports unused locals and parameters (tsconfig.json); one report is enough.
      '@typescript-eslint/no-unused-vars': 'off',
      // Raw Kubernetes objects are `Record<string, any>` on purpose (about 140 uses: the tests, the
      // policy rules, the docs, the Manifest type): they walk arbitrary manifests whose shape the
      // schema checks vouch for, not the types. Typing them would mean casts everywhere and no
      // extra safety; the no-unsafe-* rules only restate "this is any" and are off for the same
      // reason. The application (platforms/, main.ts) has none and may not start (below).
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // `x as any` marks a value deliberately outside its type (the bad-input tests); keep it even
      // where the value already is `any`. Other needless casts and `!` are still reported.
      '@typescript-eslint/no-unnecessary-type-assertion': ['error', { typesToIgnore: ['any'] }],
    },
  },
  {
    // The application composes typed constructs; raw objects stay inside lib/. No `any` here.
    files: ['platforms/**', 'main.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    // The scripts are plain JavaScript run by node, outside the TypeScript project: no type-aware rules.
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Outside tsconfig.json on purpose (it imports the packed package by name); linted without types.
    files: ['test/package/consumer/**', 'test/package/stock-consumer/**'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
