// An esbuild plugin for every bundle of lib/ (scripts/build.mjs, build-fleet.mjs, load-ts.mjs): the
// generated schema validators (lib/imports/schema-validators/) stay files of their own, required at
// run time from where they are, so a synth loads only the Kubernetes versions its builds are at
// instead of parsing every version bundled into one file.
import { dirname, relative, resolve } from 'node:path';

const VALIDATORS = resolve('lib', 'imports', 'schema-validators');

/** Keeps `.../imports/schema-validators` out of the bundle written to `outfile`, as a require relative to it. */
export function externalValidators(outfile) {
  return {
    name: 'external-schema-validators',
    setup(build) {
      build.onResolve({ filter: /\/imports\/schema-validators$/ }, (args) => {
        const target = resolve(args.resolveDir, args.path);
        if (target !== VALIDATORS) return undefined;
        const path = relative(dirname(resolve(outfile)), target);
        return { path: path.startsWith('.') ? path : `./${path}`, external: true };
      });
    },
  };
}
