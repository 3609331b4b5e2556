import { namesFromEnv, parseCommandLine, removalsFromEnv } from '../../lib/cli/command-request';

describe('the command line of k8s-platforms and of a PlatformApp', () => {
  test('--platform and --allow-removal repeat, as --flag value or --flag=value; switches take no value', () => {
    expect(
      parseCommandLine('synth', [
        '--platform',
        'shop',
        '--platform=blog',
        '--allow-removal',
        'shop/ConfigMap/web/a',
        '--stdout',
        '--dist',
        'out/dist',
      ]),
    ).toEqual({
      command: 'synth',
      platforms: ['shop', 'blog'],
      allowRemoval: ['shop/ConfigMap/web/a'],
      stdout: true,
      dist: 'out/dist',
      against: undefined,
      markdown: undefined,
      to: undefined,
      extra: {},
    });
    expect(parseCommandLine('diff', ['--against=main', '--markdown'])).toMatchObject({
      command: 'diff',
      against: 'main',
      markdown: true,
      platforms: undefined,
    });
    expect(parseCommandLine('synth', ['--app', 'node main.js'], ['--app']).extra).toEqual({ '--app': 'node main.js' });
    expect(parseCommandLine('upgrade-report', ['--platform', 'shop', '--to=1.36'])).toMatchObject({
      command: 'upgrade-report',
      platforms: ['shop'],
      to: '1.36',
    });
    expect(() => parseCommandLine('upgrade-report', ['--to'])).toThrow('upgrade-report: --to needs a value (a Kubernetes minor version, e.g. 1.36)');
    expect(() => parseCommandLine('synth', ['--to', '1.36'])).toThrow('synth: unknown argument "--to"');
  });

  test('charts takes --chart (repeatable) and --charts-dir; diff takes --charts-dir', () => {
    expect(parseCommandLine('charts', ['--chart', 'a=x.tgz', '--chart=b=y', '--charts-dir', 'charts', '--platform', 'shop'])).toMatchObject({
      command: 'charts',
      charts: ['a=x.tgz', 'b=y'],
      chartsDir: 'charts',
      platforms: ['shop'],
    });
    expect(parseCommandLine('diff', ['--charts-dir=charts']).chartsDir).toBe('charts');
    expect(() => parseCommandLine('diff', ['--chart', 'a=x'])).toThrow('diff: unknown argument "--chart"; see k8s-platforms diff --help');
    expect(() => parseCommandLine('charts', ['--chart'])).toThrow('charts: --chart needs a value (<release>=<chart archive or folder>)');
  });

  test('each command takes only its own flags', () => {
    expect(() => parseCommandLine('validate', ['--stdout'])).toThrow('validate: unknown argument "--stdout"; see k8s-platforms validate --help');
    expect(() => parseCommandLine('docs', ['--allow-removal', 'x'])).toThrow(
      'docs: unknown argument "--allow-removal"; see k8s-platforms docs --help',
    );
    expect(() => parseCommandLine('synth', ['--app', 'x'])).toThrow('synth: unknown argument "--app"');
  });

  test('a flag without its value, a value given twice, a value on a switch and the retired --allow-shrink are refused by name', () => {
    expect(() => parseCommandLine('synth', ['--platform'])).toThrow(
      'synth: --platform needs a value (a build folder or platform name); see k8s-platforms synth --help',
    );
    expect(() => parseCommandLine('synth', ['--allow-removal', '--stdout'])).toThrow(
      'synth: --allow-removal needs a value (a platform, or <platform>/<Kind>/<namespace>/<name>)',
    );
    expect(() => parseCommandLine('synth', ['--platform='])).toThrow('synth: --platform needs a value');
    expect(() => parseCommandLine('diff', ['--against', 'a', '--against', 'b'])).toThrow('diff: --against given 2 times; give it once');
    expect(() => parseCommandLine('synth', ['--stdout=yes'])).toThrow('synth: --stdout takes no value (got "yes")');
    expect(() => parseCommandLine('synth', ['--allow-shrink'])).toThrow(
      '--allow-shrink allowed every platform to lose anything at once and is no longer accepted; name what may go: --allow-removal <platform> or --allow-removal <platform>/<Kind>/<namespace>/<name>',
    );
  });

  test('the environment variables of cdk8s synth: comma-separated names, blanks ignored, ALLOW_SHRINK retired', () => {
    expect(namesFromEnv(' shop, ,blog ')).toEqual(['shop', 'blog']);
    expect(namesFromEnv('')).toBeUndefined();
    expect(namesFromEnv(undefined)).toBeUndefined();
    expect(removalsFromEnv({ ALLOW_REMOVAL: 'a,b' })).toEqual(['a', 'b']);
    expect(() => removalsFromEnv({ ALLOW_SHRINK: '1' })).toThrow(
      'ALLOW_SHRINK allowed every platform to lose anything at once and is no longer accepted; name what may go: ALLOW_REMOVAL=<platform> or ALLOW_REMOVAL=<platform>/<Kind>/<namespace>/<name>',
    );
  });
});
