import { Site } from '../../lib/core/errors';
import { checkBytes, checkCpu, formatBytes, formatMillicores, parseQuantity } from '../../lib/core/quantity';

const site = new Site('p', 'cpu');

describe('quantities', () => {
  test.each([
    ['100m', 0.1],
    ['1', 1],
    ['0.5', 0.5],
    ['2Gi', 2 * 2 ** 30],
    ['1e3', 1000],
    ['512M', 512e6],
    ['1.5Ki', 1536],
  ])('parses %s', (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value);
  });
  test.each(['', 'fast', '1 Gi', ' 1', '1GB', '0x10'])('rejects %j', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });
  test('cpu in millicores', () => {
    expect(checkCpu(site, '250m')).toBe(250);
    expect(checkCpu(site, '2')).toBe(2000);
    expect(checkCpu(site, '0.1')).toBe(100);
  });
  test('cpu below one millicore is refused', () => {
    expect(() => checkCpu(site, '0.0001')).toThrow(
      'p: cpu must be a positive CPU amount in whole millicores (got "0.0001"); fix: use at least "1m", in steps of 1m',
    );
  });
  test('cpu with a binary suffix is refused', () => {
    expect(() => checkCpu(site, '1Gi')).toThrow('p: cpu must be a CPU quantity (got "1Gi")');
  });
  test('bytes', () => {
    expect(checkBytes(site, '256Mi')).toBe(256 * 2 ** 20);
    expect(checkBytes(site, '1G')).toBe(1e9);
  });
  test('memory in milli-units is the classic 512m mistake', () => {
    expect(() => checkBytes(new Site('p', 'memory'), '512m')).toThrow(
      'p: memory is 0.512 bytes ("m" means milli) (got "512m"); fix: write "512Mi" for mebibytes',
    );
  });
  test('formatting for messages', () => {
    expect(formatBytes(2 ** 30)).toBe('1Gi');
    expect(formatBytes(1536 * 2 ** 20)).toBe('1536Mi');
    expect(formatMillicores(2000)).toBe('2');
    expect(formatMillicores(250)).toBe('250m');
  });
});
