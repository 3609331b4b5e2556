import { requestFromEnv } from '../../lib/cli/command-request';
import { Case } from './fixtures';

const FIX = 'fix: unset K8S_PLATFORMS_REQUEST: k8s-platforms sets it for the app it runs, from its own command line';

/**
 * Refused inputs: the request k8s-platforms hands the app in K8S_PLATFORMS_REQUEST, when someone
 * else set it: a usage error naming the variable (exit 2), never a TypeError inside the synth.
 */
export const handedRequest: Case[] = [
  ['a handed request that is not JSON', () => requestFromEnv('synth'), `K8S_PLATFORMS_REQUEST: is not JSON (got "synth"); ${FIX}`],
  ['a handed request that is null', () => requestFromEnv('null'), `K8S_PLATFORMS_REQUEST: is not a JSON object (got "null"); ${FIX}`],
  [
    'a handed request without a command',
    () => requestFromEnv('{}'),
    `K8S_PLATFORMS_REQUEST: names no command (command must be one of synth, diff, validate, docs, upgrade-report, charts) (got "{}"); ${FIX}`,
  ],
  [
    'a handed request whose builds are not a list',
    () => requestFromEnv('{"command":"synth","platforms":"shop"}'),
    `K8S_PLATFORMS_REQUEST: platforms must be a list of names (got "{\\"command\\":\\"synth\\",\\"platforms\\":\\"shop\\"}"); ${FIX}`,
  ],
  [
    'a handed request whose dist/ is not a path',
    () => requestFromEnv('{"command":"synth","dist":5}'),
    `K8S_PLATFORMS_REQUEST: dist must be a non-empty string (got "{\\"command\\":\\"synth\\",\\"dist\\":5}"); ${FIX}`,
  ],
  [
    'a handed request whose --stdout is not a switch',
    () => requestFromEnv('{"command":"synth","stdout":"yes"}'),
    `K8S_PLATFORMS_REQUEST: stdout must be true or false (got "{\\"command\\":\\"synth\\",\\"stdout\\":\\"yes\\"}"); ${FIX}`,
  ],
];
