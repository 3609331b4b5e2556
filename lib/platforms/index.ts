import { App } from 'cdk8s';
import { archiverse } from './archiverse/archiverse';
import { archiverseProduction } from './archiverse/config';
import { gimpStreamingProduction } from './gimp-streaming/config';
import { gimpStreaming } from './gimp-streaming/gimp-streaming';

/** Every platform this repository writes to dist/, each with the config of its cluster. */
export function buildApp(): App {
  const app = new App();
  archiverse(app, archiverseProduction);
  gimpStreaming(app, gimpStreamingProduction);
  return app;
}
