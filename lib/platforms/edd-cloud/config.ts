import { ContainerImage, Resources } from '../../workloads/container';
import { loadImageCatalog } from '../../workloads/image-catalog';
import images from './images.json';

/** Where the images are pinned; CI rewrites it from the commit it built (see README, "edd-cloud"). */
export const EDD_CLOUD_IMAGES_FILE = 'lib/platforms/edd-cloud/images.json';

/** Values edd-cloud needs that its seed does not give (ports, sizes, secret keys): each is ours, see README. */
export interface EddCloudConfig {
  readonly namespace: string;
  /** Namespace of the host-network chunkservers (Pod Security privileged, nothing else in it). */
  readonly gfsNamespace: string;
  readonly images: Readonly<Record<string, ContainerImage>>;
  /** The nodes' own addresses: host-network chunkservers talk from and listen on them. */
  readonly nodeCidr: string;
  readonly resources: { readonly app: Resources; readonly postgres: Resources };
  readonly database: { readonly name: string; readonly user: string };
}

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
};
