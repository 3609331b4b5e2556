import { ApiFindings, mapAt } from './api-findings';

// The API server's rules for a ConfigMap's and a Secret's data: pkg/apis/core/validation/validation.go
// (Kubernetes 1.28), ValidateConfigMap and ValidateSecret, with validation.IsConfigMapKey.

/** core.MaxSecretSize, which bounds ConfigMaps too: the data of one object fits an etcd value. */
const MAX_DATA_SIZE = 1024 * 1024;
/** validation.IsConfigMapKey: a file name a volume can hold. */
const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;

export function configDataFindings(f: ApiFindings, object: Record<string, any>): void {
  const data = mapAt(object.data);
  const binary = mapAt(object.binaryData);
  let size = 0;
  for (const [section, values] of [
    ['data', data],
    ['binaryData', binary],
  ] as const) {
    for (const [key, value] of Object.entries(values)) {
      if (!isConfigMapKey(key)) {
        f.refuse(
          `${section}["${key}"]`,
          key,
          'must be a key of letters, digits, "-", "_" and "." (it becomes a file name), at most 253 characters, not "." or ".."',
          'use e.g. "app.properties"',
        );
      }
      if (section === 'data' && key in binary) f.refuse(`data["${key}"]`, key, 'must not also be a key of binaryData', 'keep the key in one of them');
      size += section === 'binaryData' ? Buffer.from(String(value), 'base64').length : Buffer.byteLength(String(value));
    }
  }
  if (size > MAX_DATA_SIZE) {
    f.refuse(
      'data',
      `${size} bytes`,
      `must hold at most ${MAX_DATA_SIZE} bytes (1 MiB) in data and binaryData together`,
      'split the data over several objects, or mount it from an image or volume',
    );
  }
}

function isConfigMapKey(key: string): boolean {
  return key.length <= 253 && CONFIG_MAP_KEY.test(key) && key !== '.' && !key.startsWith('..');
}
