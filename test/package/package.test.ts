import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { packedTarball } from '../shared-synth';

/**
 * The package as another repository gets it: `npm pack` (which builds it, see `prepack`), the
 * tarball unpacked as node_modules/k8s-platforms of a scratch project outside this repository,
 * then test/package/consumer/platform.ts type-checked against the packed .d.ts and run.
 *
 * The tarball is unpacked, not `npm install`ed: npm would ask the registry for the dependencies'
 * metadata, and tests do not use the network. What npm would add is linked instead: the
 * dependencies and peerDependencies the packed package.json declares (and only those, so a
 * missing declaration fails here), each from this repository's node_modules.
 */
const REPO = resolve(__dirname, '../..');
/** Runs a command; when it fails, the error carries its whole output (tsc reports on stdout). */
function run(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}${stderr ?? ''}`, { cause: error });
  }
}

describe('the packed package, used from a project outside the repository', () => {
  let scratch: string;
  let tarballFiles: string[];
  let consumerOutput: string;
  const dist = () => join(scratch, 'out', 'dist');

  beforeAll(() => {
    scratch = realpathSync(mkdtempSync(join(tmpdir(), 'k8s-platforms-consumer-')));
    copyFileSync(packedTarball(), join(scratch, basename(packedTarball()))); // npm pack, once per test run
    const [tarball] = readdirSync(scratch).filter((f) => f.endsWith('.tgz'));
    tarballFiles = run('tar', ['-tzf', tarball], scratch).trim().split('\n').sort();

    const installed = join(scratch, 'node_modules', 'k8s-platforms');
    mkdirSync(installed, { recursive: true });
    run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'], scratch);
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    const needed = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {}), '@types/node'];
    for (const name of needed) {
      mkdirSync(dirname(join(scratch, 'node_modules', name)), { recursive: true });
      symlinkSync(join(REPO, 'node_modules', name), join(scratch, 'node_modules', name), 'dir');
    }

    writeFileSync(
      join(scratch, 'package.json'),
      JSON.stringify({ name: 'scratch', private: true, dependencies: { 'k8s-platforms': `file:${tarball}` } }),
    );
    // skipLibCheck, as most projects set it: our code is still checked against the packed .d.ts;
    // re-checking cdk8s-plus-28's declarations would cost ~8 s and test nothing of ours.
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, skipLibCheck: true, types: ['node'] },
        files: ['platform.ts'],
      }),
    );
    copyFileSync(join(__dirname, 'consumer', 'platform.ts'), join(scratch, 'platform.ts'));
    run(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], scratch);
    consumerOutput = run(process.execPath, ['platform.js', 'out/dist'], scratch);
  }, 120_000);

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('the scratch project is outside the repository', () => {
    expect(relative(REPO, scratch).startsWith(`..${sep}`)).toBe(true);
  });

  test('the tarball holds the built library (.js and .d.ts) and package.json, no sources, tests or platforms', () => {
    expect(tarballFiles).toEqual(
      expect.arrayContaining([
        'package/package.json',
        'package/README.md',
        'package/build/lib/index.js',
        'package/build/lib/index.d.ts',
        'package/build/lib/workloads/web-service.js',
        'package/build/lib/workloads/web-service.d.ts',
      ]),
    );
    const unexpected = tarballFiles.filter(
      (f) => !/^package\/(package\.json|README\.md|build\/lib\/.+\.(js|d\.ts))$/.test(f) || /\/platforms\//.test(f),
    );
    expect(unexpected).toEqual([]);
  });

  test('a small platform synthesizes from the package name alone: a namespace and a gRPC service behind a LoadBalancer', () => {
    expect(consumerOutput).toBe('wrote 8 objects\n');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
    expect(
      files(dist())
        .map((f) => relative(dist(), f))
        .sort(),
    ).toEqual(
      [
        'shop/apps/kustomization.yaml',
        'shop/apps/shop/deployment-checkout.yaml',
        'shop/apps/shop/networkpolicy-checkout-from-local-network.yaml',
        'shop/apps/shop/poddisruptionbudget-checkout.yaml',
        'shop/apps/shop/service-checkout.yaml',
        'shop/apps/shop/serviceaccount-checkout.yaml',
        'shop/infrastructure/kustomization.yaml',
        'shop/infrastructure/namespace-shop.yaml',
        'shop/infrastructure/shop/networkpolicy-allow-dns-egress.yaml',
        'shop/infrastructure/shop/networkpolicy-default-deny-all.yaml',
        'shop/kustomization.yaml',
      ].map((f) => f.split('/').join(sep)),
    );
  });

  test('the Deployment is placed on its pool, secure by default, and labelled with its platform', () => {
    const yaml = readFileSync(join(dist(), 'shop', 'apps', 'shop', 'deployment-checkout.yaml'), 'utf8');
    expect(yaml.split('\n')[0]).toBe('# Generated from shop/apps/checkout/deployment; edit the TypeScript, not this file.');
    const deployment = parse(yaml);
    expect(deployment).toMatchObject({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'checkout', namespace: 'shop', labels: { 'app.kubernetes.io/name': 'checkout', 'app.kubernetes.io/part-of': 'shop' } },
      spec: { replicas: 2, selector: { matchLabels: { 'app.kubernetes.io/name': 'checkout' } } },
    });
    const pod = deployment.spec.template.spec;
    expect(pod.nodeSelector).toEqual({ pool: 'general', 'kubernetes.io/arch': 'amd64' });
    expect(pod.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.containers[0]).toMatchObject({
      image: 'registry.example.com/shop/checkout:1.4.2',
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true, runAsNonRoot: true },
      readinessProbe: { grpc: { port: 50051 } },
    });
  });

  test('the LoadBalancer asks MetalLB for its address, and the policy in front of the pods admits the local network', () => {
    const service = parse(readFileSync(join(dist(), 'shop', 'apps', 'shop', 'service-checkout.yaml'), 'utf8'));
    expect(service.metadata.annotations).toEqual({ 'metallb.io/loadBalancerIPs': '192.168.1.241' });
    expect(service.spec).toMatchObject({ type: 'LoadBalancer', externalTrafficPolicy: 'Local' });
    const policy = parse(readFileSync(join(dist(), 'shop', 'apps', 'shop', 'networkpolicy-checkout-from-local-network.yaml'), 'utf8'));
    expect(policy.spec.ingress).toEqual([
      {
        from: [{ ipBlock: { cidr: '10.0.0.0/8' } }, { ipBlock: { cidr: '172.16.0.0/12' } }, { ipBlock: { cidr: '192.168.0.0/16' } }],
        ports: [{ port: 50051, protocol: 'TCP' }],
      },
    ]);
  });

  test('the namespace enforces Pod Security and the Flux entry point and report are written beside dist/', () => {
    const namespace = parse(readFileSync(join(dist(), 'shop', 'infrastructure', 'namespace-shop.yaml'), 'utf8'));
    expect(namespace.metadata.labels).toMatchObject({ 'pod-security.kubernetes.io/enforce': 'restricted' });
    expect(readdirSync(join(scratch, 'out', 'kustomization', 'shop')).sort()).toEqual([
      'alert-shop.yaml',
      'kustomization-shop-apps.yaml',
      'kustomization-shop-infrastructure.yaml',
      'kustomization.yaml',
      'provider-shop.yaml',
    ]);
    expect(JSON.parse(readFileSync(join(scratch, 'out', 'policy-report.json'), 'utf8'))).toHaveProperty('platforms');
  });

  test('only the package root is exported: internal paths stay private', () => {
    const script = "try { require('k8s-platforms/build/lib/core/errors'); } catch (e) { console.log(e.code); }";
    expect(run(process.execPath, ['-e', script], scratch)).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED\n');
  });
});
