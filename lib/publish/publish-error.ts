/**
 * A failure after the publish began to swap: its message says exactly what is on disk now.
 * `published` tells whether the new dist/, kustomization/ and report are in place. Its own small
 * file, so main.ts can tell it apart (instanceof) without loading the synth before the lock.
 */
export class PublishError extends Error {
  constructor(
    message: string,
    readonly published: boolean,
  ) {
    super(message);
    this.name = 'PublishError';
  }
}
