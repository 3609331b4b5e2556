import { Site } from '../../lib/core/errors';
import { checkDnsLabel, checkDnsSubdomain, checkLabelKey, checkLabelValue, checkPort, checkPortName } from '../../lib/core/names';

const site = new Site('scope/thing', 'field');

describe('names', () => {
  test.each(['a', 'web-1', 'x'.repeat(63)])('DNS label accepts %s', (name) => {
    expect(checkDnsLabel(site, name)).toBe(name);
  });
  test.each(['', 'Web', 'web_1', '-web', 'web-', 'a.b', 'x'.repeat(64)])('DNS label refuses %j', (name) => {
    expect(() => checkDnsLabel(site, name)).toThrow(/^scope\/thing: field must be a DNS-1123 label/);
  });
  test('the hint suggests a legal name', () => {
    expect(() => checkDnsLabel(site, 'My_App')).toThrow('fix: use a name such as "my-app"');
  });
  test.each(['a.b.c', 'letsencrypt-prod', `${'a'.repeat(63)}.${'b'.repeat(63)}`])('DNS subdomain accepts %s', (name) => {
    expect(checkDnsSubdomain(site, name)).toBe(name);
  });
  test.each(['a..b', 'A.b', '.a', 'a'.repeat(254)])('DNS subdomain refuses %j', (name) => {
    expect(() => checkDnsSubdomain(site, name)).toThrow(/must be a DNS-1123 subdomain/);
  });
  test.each(['http', 'web-rtc', 'a1', 'abcdefghijklmno'])('port name accepts %s', (name) => {
    expect(checkPortName(site, name)).toBe(name);
  });
  test.each(['abcdefghijklmnop', '8080', 'web--rtc', 'Http', ''])('port name refuses %j', (name) => {
    expect(() => checkPortName(site, name)).toThrow(/must be an IANA service name/);
  });
  test.each([0, 65536, 80.5])('port refuses %j', (port) => {
    expect(() => checkPort(site, port)).toThrow('must be a whole port number from 1 to 65535');
  });
  test.each(['', 'true', 'a_b.c-d', 'x'.repeat(63)])('label value accepts %j', (value) => {
    expect(checkLabelValue(site, value)).toBe(value);
  });
  test.each(['x'.repeat(64), '-a', 'a b'])('label value refuses %j', (value) => {
    expect(() => checkLabelValue(site, value)).toThrow(/must be a label value/);
  });
  test.each(['app', 'app.kubernetes.io/name', 'k8s-app'])('label key accepts %s', (key) => {
    expect(checkLabelKey(site, key)).toBe(key);
  });
  test.each(['/name', 'a/b/', 'Bad_Prefix/x', `${'x'.repeat(64)}`])('label key refuses %j', (key) => {
    expect(() => checkLabelKey(site, key)).toThrow(/must be a label key/);
  });
});
