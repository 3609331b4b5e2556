import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecretScanMemory } from '../../lib/policy/secret-scan-memory';
import { prescanForSecrets, secretScannerFingerprint, secretVerdict, withSecretScanMemory } from '../../lib/policy/secret-scanner';

// What the scanner found clean may be remembered between synths only if the memory can never
// hide a finding: these tests pin each way it could.
const AWS_KEY = 'AKIAQWERTYUIOPASDFGH';
const memoryFile = () => join(mkdtempSync(join(tmpdir(), 'secret-memory-')), 'secret-scan.json');
/** Scans `values` with a memory in `file`, saves it, and returns it reopened as the next synth would. */
function scanAndReopen(file: string, values: string[], fingerprint = secretScannerFingerprint()): SecretScanMemory {
  const memory = SecretScanMemory.open(file, fingerprint);
  withSecretScanMemory(memory, () => prescanForSecrets(values));
  memory.save();
  return SecretScanMemory.open(file, fingerprint);
}

describe('the secret scanner remembers clean values, and nothing else', () => {
  test('a clean value is remembered by its hash, never its text; a value that trips a rule is never remembered', () => {
    const file = memoryFile();
    const clean = 'image: registry.example.com/clean-value:1.0.0';
    const next = scanAndReopen(file, [clean, AWS_KEY]);
    expect(secretVerdict(AWS_KEY)).toEqual(['aws/AWSAccessKeyID']);
    expect(next.knowsClean(clean)).toBe(true);
    expect(next.knowsClean(AWS_KEY)).toBe(false);
    expect(readFileSync(file, 'utf8')).not.toContain('clean-value');
  });

  test('another scanner fingerprint (secretlint, its rules, Node or the scanner code changed) forgets every verdict', () => {
    const file = memoryFile();
    const clean = 'a value scanned under one fingerprint';
    expect(scanAndReopen(file, [clean]).knowsClean(clean)).toBe(true);
    expect(SecretScanMemory.open(file, 'another fingerprint').knowsClean(clean)).toBe(false);
  });

  test('values scanned beside a secretlint directive (which switches rules off for what follows) are not remembered', () => {
    const file = memoryFile();
    const after = 'a value after the directive';
    const next = scanAndReopen(file, ['# secretlint-disable', after]);
    expect(next.knowsClean(after)).toBe(false);
    expect(next.knowsClean('# secretlint-disable')).toBe(false);
  });

  test('an unreadable memory is an empty one', () => {
    const file = memoryFile();
    writeFileSync(file, '{"fingerprint": ');
    expect(SecretScanMemory.open(file, secretScannerFingerprint()).knowsClean('anything')).toBe(false);
  });
});
