import { App } from 'cdk8s';
import { GitSource } from '../gitops/git-source';
import { archiverse } from './archiverse/archiverse';
import { archiverseProduction } from './archiverse/config';
import { gimpStreamingProduction } from './gimp-streaming/config';
import { gimpStreaming } from './gimp-streaming/gimp-streaming';

/** Every platform this repository writes to dist/, each with the config of its cluster. */
export function buildApp(): App {
  const app = new App();
  // The repository every cluster's Flux pulls dist/ from. The URL is a placeholder: the seeds
  // do not name one. Set it (and secretName, for a private repository) before bootstrapping.
  new GitSource(app, 'git-source', { url: GitSource.PLACEHOLDER_URL, branch: 'main' });
  archiverse(app, archiverseProduction);
  gimpStreaming(app, gimpStreamingProduction);
  return app;
}
