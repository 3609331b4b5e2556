/**
 * Image references by the grammar the container runtime parses them with
 * (distribution/reference regexp.go and normalize.go), so `nginx:`, `app@sha256:abc`, `App/web:1`
 * or `app:${TAG}` are refused at synth rather than as ErrImagePull on the node.
 */
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);

/** Why the runtime would refuse `image`, or undefined when it parses. */
export function imageReferenceProblem(image: string): string | undefined {
  const match = REFERENCE.exec(image);
  if (!match)
    return REFERENCE.test(image.toLowerCase())
      ? 'has upper-case letters in its repository name'
      : 'is not a valid image reference (registry/name:tag or name@sha256:<64 hex digits>)';
  const [, name, , digest] = match;
  if (name.length > 255) return 'has a repository name longer than 255 characters';
  const first = name.split('/')[0];
  if (name.includes('/') && /[A-Z]/.test(first) && !/[.:]/.test(first)) return 'has upper-case letters in its repository name';
  if (digest?.startsWith('sha256:') && !/^sha256:[0-9a-f]{64}$/.test(digest)) return 'has a sha256 digest that is not 64 lower-case hex digits';
  return undefined;
}

/** Tags that name a moving target rather than a version. */
const FLOATING_TAGS = new Set([
  'latest',
  'stable',
  'edge',
  'nightly',
  'main',
  'master',
  'dev',
  'develop',
  'current',
  'lts',
  'beta',
  'alpha',
  'canary',
  'rc',
  'release',
  'mainline',
  'head',
]);

export function isFloatingTag(tag: string): boolean {
  return FLOATING_TAGS.has(tag.toLowerCase());
}
