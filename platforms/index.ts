import { join } from 'node:path';
import { GitSource, PlatformApp } from '../lib';
import { archiverse } from './archiverse/archiverse';
import { archiverseProduction } from './archiverse/config';
import { computesdk } from './computesdk/computesdk';
import { computesdkEks, computesdkLocal } from './computesdk/config';
import { eddCloudProduction } from './edd-cloud/config';
import { eddCloud } from './edd-cloud/edd-cloud';
import { gimpStreamingProduction } from './gimp-streaming/config';
import { gimpStreaming } from './gimp-streaming/gimp-streaming';
import { webTerminalProduction } from './web-terminal/config';
import { webTerminal } from './web-terminal/web-terminal';

/** Every platform this repository writes to dist/, each with the config of its cluster, and the repository Flux pulls them from. */
export function buildApp(): PlatformApp {
  const app = new PlatformApp({
    // The URL is a placeholder: the seeds do not name one. Set it (and secretName, for a private
    // repository) before bootstrapping a cluster.
    source: new GitSource({ url: GitSource.PLACEHOLDER_URL, branch: 'main' }),
    // This repository's dist/, wherever the synth is started from (main.js is bundled into build/).
    dist: join(__dirname, '..', 'dist'),
  });
  archiverse(app, archiverseProduction);
  gimpStreaming(app, gimpStreamingProduction);
  computesdk(app, computesdkLocal);
  computesdk(app, computesdkEks);
  webTerminal(app, webTerminalProduction);
  eddCloud(app, eddCloudProduction);
  return app;
}
