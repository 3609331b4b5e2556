import { Site } from '../core/errors';
import { checkDnsSubdomain } from '../core/names';

export interface GitSourceProps {
  /**
   * Clone URL of this repository, as the cluster reaches it (https:// or ssh://).
   * @default GitSource.PLACEHOLDER_URL, which names no real repository: the seeds do not say
   * where this repository lives. Set the real URL before bootstrapping a cluster.
   */
  readonly url?: string;
  /**
   * Branch Flux follows.
   * @default 'main'
   */
  readonly branch?: string;
  /**
   * Secret in flux-system with the credentials to clone the repository, which `flux bootstrap`
   * creates (`--secret-name`, named in the bootstrap command of kustomization/README.md); never stored in Git.
   * @default none: bootstrap's own default, `flux-system`
   */
  readonly secretName?: string;
}

/**
 * Where the clusters pull dist/ from: the repository `flux bootstrap` points its GitRepository at
 * (the bootstrap command in kustomization/README.md). A plain value handed to synthesize(), never
 * looked up in the construct tree; without one, the synth uses GitSource.placeholder() and warns.
 */
export class GitSource {
  static readonly PLACEHOLDER_URL = 'https://git.example.com/platform/k8s-platforms.git';
  static readonly DEFAULT_BRANCH = 'main';

  /** The documented placeholder: names no real repository, follows main. */
  static placeholder(): GitSource {
    return new GitSource();
  }

  readonly url: string;
  readonly branch: string;
  /** The URL is still GitSource.PLACEHOLDER_URL: no cluster can bootstrap from it. */
  get isPlaceholder(): boolean {
    return this.url === GitSource.PLACEHOLDER_URL;
  }
  readonly secretName?: string;

  constructor(props: GitSourceProps = {}) {
    const site = new Site('GitSource');
    this.url = props.url ?? GitSource.PLACEHOLDER_URL;
    this.branch = props.branch ?? GitSource.DEFAULT_BRANCH;
    if (/^(https|ssh):\/\/[^\s/]+\/\S+$/.test(this.url) && credentialsIn(this.url)) {
      // The URL is written to kustomization/README.md and the bootstrap command: the value is never printed.
      site
        .at('url')
        .fail(
          '<URL hidden: it holds credentials>',
          'holds credentials (a user and password or a token before the "@"), and the URL is written to kustomization/README.md',
          'give the URL without them; flux bootstrap takes a token (--token-auth) or a deploy key, and keeps it in a Secret of the cluster',
        );
    }
    if (!/^(https|ssh):\/\/[^\s/]+\/\S+$/.test(this.url)) {
      site
        .at('url')
        .fail(this.url, 'must be an https:// or ssh:// clone URL', 'give the URL the cluster clones, e.g. "ssh://git@github.com/org/repo.git"');
    }
    // git check-ref-format, in short: no spaces, "..", "~^:?*[\\", or leading/trailing "/" or ".".
    if (!/^[A-Za-z0-9_][A-Za-z0-9._/-]*$/.test(this.branch) || /\.\.|\/\/|[/.]$|\.lock$/.test(this.branch)) {
      site.at('branch').fail(this.branch, 'must be a git branch name', 'give the branch Flux should follow, e.g. "main"');
    }
    if (props.secretName !== undefined) this.secretName = checkDnsSubdomain(site.at('secretName'), props.secretName);
  }
}

/** Credentials in a clone URL: any userinfo of an https URL (a user, a token, user:password); a password in an ssh URL (its user, such as git@, is not one). */
function credentialsIn(url: string): boolean {
  const userinfo = /^[a-z]+:\/\/([^/@]*)@/.exec(url)?.[1];
  if (userinfo === undefined) return false;
  return url.startsWith('https://') || userinfo.includes(':');
}
