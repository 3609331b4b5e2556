import { ClusterContract, ContainerImage, k3sBuiltInsWithout, KubernetesVersions, loadImageCatalog, Resources } from '../../lib';
import images from './images.json';

/** Where the images are pinned; CI rewrites it from the commit it built (README.md here, "Image tags are inputs"). */
export const EDD_CLOUD_IMAGES_FILE = 'platforms/edd-cloud/images.json';

/** Values edd-cloud needs that its seed does not give (ports, sizes, secret keys): each is ours, see README.md here. */
export interface EddCloudConfig {
  readonly namespace: string;
  /** Namespace of the host-network chunkservers (Pod Security privileged, nothing else in it). */
  readonly gfsNamespace: string;
  readonly images: Readonly<Record<string, ContainerImage>>;
  /** The nodes' own addresses: host-network chunkservers talk from and listen on them. */
  readonly nodeCidr: string;
  readonly resources: { readonly app: Resources; readonly postgres: Resources };
  readonly database: { readonly name: string; readonly user: string };
  /** What the k3s cluster provides and the Secrets made outside Git; the build installs the rest. */
  readonly cluster: ClusterContract;
}

/** The seed's Secrets, referenced by name only: made in the cluster, never in Git. */
export const EDD_CLOUD_SECRETS = {
  postgres: 'postgres-credentials',
  auth: 'edd-cloud-auth',
  tls: 'eddisonso-wildcard-tls',
  registry: 'regcred',
} as const;

const BY_HAND = 'created by the operator before the first sync (the seed keeps its values out of Git)';

export const eddCloudProduction: EddCloudConfig = {
  namespace: 'edd-cloud',
  gfsNamespace: 'edd-cloud-gfs',
  images: loadImageCatalog(EDD_CLOUD_IMAGES_FILE, images),
  nodeCidr: '192.168.0.0/16',
  resources: {
    app: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
    postgres: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
  },
  database: { name: 'eddcloud', user: 'eddcloud' },
  cluster: {
    // The seed names no k3s version. 1.36: upstream supports it until 2027-06-28
    // (kubernetes.io/releases), and it is the newest version this package has API schemas for
    // (1.37 is not in ../shared/schemas). Install the servers with INSTALL_K3S_CHANNEL=v1.36, so
    // the cluster does not move past the version the build is checked at.
    kubernetes: KubernetesVersions.of('1.36'),
    // The seed's gateway is the LoadBalancer on 80 and 443, so the k3s servers run with
    // --disable=traefik: Traefik is not provided (and its host ports are free).
    provided: k3sBuiltInsWithout('traefik'),
    prerequisites: [
      {
        kind: 'Secret',
        namespace: 'edd-cloud',
        name: EDD_CLOUD_SECRETS.postgres,
        reason: `keys password and database-url; ${BY_HAND}: kubectl -n edd-cloud create secret generic postgres-credentials --from-literal=password=... --from-literal=database-url=...`,
      },
      {
        kind: 'Secret',
        namespace: 'edd-cloud',
        name: EDD_CLOUD_SECRETS.auth,
        reason: `key jwt-secret; ${BY_HAND}: kubectl -n edd-cloud create secret generic edd-cloud-auth --from-literal=jwt-secret=...`,
      },
      {
        kind: 'Secret',
        namespace: 'edd-cloud',
        name: EDD_CLOUD_SECRETS.tls,
        reason: `the *.eddisonso.com certificate the gateway serves; ${BY_HAND}: kubectl -n edd-cloud create secret tls eddisonso-wildcard-tls --cert=... --key=...`,
      },
      {
        kind: 'Secret',
        namespace: 'edd-cloud',
        name: EDD_CLOUD_SECRETS.registry,
        reason: `pull credentials for the private images; ${BY_HAND}: kubectl -n edd-cloud create secret docker-registry regcred --docker-server=... --docker-username=... --docker-password=...`,
      },
      {
        kind: 'Secret',
        namespace: 'edd-cloud-gfs',
        name: EDD_CLOUD_SECRETS.registry,
        reason: `pull credentials for the chunkserver image (a Secret is per namespace); ${BY_HAND}: the same kubectl command with -n edd-cloud-gfs`,
      },
    ],
  },
};
