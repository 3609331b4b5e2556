import { Construct } from 'constructs';
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
   * Secret in flux-system with the credentials to clone a private repository; it is created at
   * bootstrap (flux create secret git) and never stored in Git.
   * @default none: the repository is public
   */
  readonly secretName?: string;
}

/**
 * Where the clusters pull dist/ from: the GitRepository of every Flux entry point. One per app;
 * an app without one gets the documented placeholder.
 */
export class GitSource extends Construct {
  static readonly PLACEHOLDER_URL = 'https://git.example.com/platform/k8s-platforms.git';
  static readonly DEFAULT_BRANCH = 'main';

  /** The app's GitSource, or one with the defaults. */
  static of(scope: Construct): { readonly url: string; readonly branch: string; readonly secretName?: string } {
    const found = scope.node.root.node.children.find((c): c is GitSource => c instanceof GitSource);
    return found ?? { url: GitSource.PLACEHOLDER_URL, branch: GitSource.DEFAULT_BRANCH };
  }

  readonly url: string;
  readonly branch: string;
  readonly secretName?: string;

  constructor(scope: Construct, id: string, props: GitSourceProps = {}) {
    super(scope, id);
    const site = new Site(this.node.path);
    this.url = props.url ?? GitSource.PLACEHOLDER_URL;
    this.branch = props.branch ?? GitSource.DEFAULT_BRANCH;
    if (!/^(https|ssh):\/\/[^\s/]+\/\S+$/.test(this.url)) {
      site.at('url').fail(this.url, 'must be an https:// or ssh:// clone URL', 'give the URL the cluster clones, e.g. "ssh://git@github.com/org/repo.git"');
    }
    // git check-ref-format, in short: no spaces, "..", "~^:?*[\\", or leading/trailing "/" or ".".
    if (!/^[A-Za-z0-9_][A-Za-z0-9._/-]*$/.test(this.branch) || /\.\.|\/\/|[/.]$|\.lock$/.test(this.branch)) {
      site.at('branch').fail(this.branch, 'must be a git branch name', 'give the branch Flux should follow, e.g. "main"');
    }
    if (props.secretName !== undefined) this.secretName = checkDnsSubdomain(site.at('secretName'), props.secretName);
  }
}
