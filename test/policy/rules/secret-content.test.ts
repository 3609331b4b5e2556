import { looksLikeCredential, secretAssignments } from '../../../lib/core/secrets';
import { scanForms, secretsInText } from '../../../lib/policy/secret-content';
import { structuredSecrets } from '../../../lib/policy/structured-secrets';

const found = (text: string) => scanForms(text).flatMap((form) => secretsInText(form, []));

describe('secrets by content: what is found, and what is left alone', () => {
  test.each([
    ['an inline assignment in a script', 'PGPASSWORD=hunter2-pg pg_dump app', ['assignment/PGPASSWORD']],
    ['a setting in a heredoc', 'cat <<EOF > /etc/app.conf\npassword=Hunter22\nEOF', ['assignment/password']],
    ['a JWT', 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJlLXZhbHVl', ['jwt']],
    ['an Authorization value', 'Bearer s3cr3t-t0k3n-v4lue', ['http-authorization']],
    ['a password in JSON', '{"db":{"password":"hunter2-json"}}', ['json/key/password']],
    ['a docker config auth', '{"auths":{"registry.example.com":{"auth":"Y2k6aHVudGVyMg=="}}}', ['json/docker-config/auth']],
    ['base64 of user:password', Buffer.from('deploy:hunter2-upstream').toString('base64'), ['base64/user:password']],
  ])('%s is found', (_title, text, rules) => {
    expect(found(text)).toEqual(rules);
  });

  test.each([
    ['a reference in a script', 'PGPASSWORD=$DB_PASSWORD pg_dump app'],
    ['a reference the kubelet expands', '--db-password=$(DB_PASSWORD)'],
    ['grants in a report line', 'secrets: get, list, watch'],
    ['prose about tokens', 'Rotate the token: expired tokens are refused, see the runbook.'],
    ['a chart pointing at its Secret', '{"auth":{"existingSecret":"redis-auth","existingSecretPasswordKey":"password"}}'],
    ['a sha256 digest (hex reads as base64, but decodes to no text)', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['a placeholder', '{"accessKey":"<access key>"}'],
  ])('%s is left alone', (_title, text) => {
    expect(found(text)).toEqual([]);
  });

  test('a structure is read wherever it sits: values, substitutions, headers, annotations', () => {
    expect(
      structuredSecrets({
        spec: {
          values: { auth: { password: 'hunter2' }, existingSecret: 'db' },
          postBuild: { substitute: { DB_PASSWORD: 'hunter2', DB_HOST: 'db' } },
          httpHeaders: [
            { name: 'Authorization', value: 'Bearer abc' },
            { name: 'X-Trace', value: 'on' },
          ],
        },
        metadata: { annotations: { 'policy.k8s-platforms.dev/not-secret': '{"data.x":"a reason"}' } },
      }),
    ).toEqual([
      { field: 'spec.values.auth.password', rule: 'key/password' },
      { field: 'spec.postBuild.substitute.DB_PASSWORD', rule: 'key/DB_PASSWORD' },
      { field: 'spec.httpHeaders[0].value', rule: 'pair/Authorization' },
    ]);
  });

  test('a refused value that looks like a credential is never printed', () => {
    expect(looksLikeCredential('Bearer s3cr3t-t0k3n-v4lue')).toBe(true);
    expect(looksLikeCredential({ password: 'hunter2-json' })).toBe(true);
    expect(looksLikeCredential('web-frontend')).toBe(false);
    expect(secretAssignments('DB_PWD=Hunter2 ./run')).toEqual(['DB_PWD']);
  });
});
