// The application's entry, as in any cdk8s app: build the app, synthesize it. PlatformApp's
// synth() runs the k8s-platforms pipeline (every check, then a checked swap of dist/);
// `npm run synth`, `npx cdk8s synth` and `node build/main.js` all land here.
import { buildApp } from './platforms';

buildApp().synth();
