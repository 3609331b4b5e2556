import { freeId } from '../core/construct-id';
import { Construct } from 'constructs';
import {
  VolumeSnapshotClass as VolumeSnapshotClassObject,
  VolumeSnapshotClassDeletionPolicy,
} from '../imports/volumesnapshotclass-snapshot.storage.k8s.io';
import { Site } from '../core/errors';
import { checkDnsSubdomain } from '../core/names';
import { needAddon } from '../core/addon-needs';
import { CheckedConstruct } from '../core/app-checks';

export interface SnapshotClassProps {
  readonly name: string;
  /** CSI driver that takes the snapshots, e.g. "ebs.csi.aws.com". */
  readonly driver: string;
  /** Keep the cloud snapshot when the VolumeSnapshot object is deleted: backups outlive mistakes. @default "Retain" */
  readonly deletionPolicy?: 'Retain' | 'Delete';
  /** Driver-specific parameters. @default none */
  readonly parameters?: Readonly<Record<string, string>>;
}

/** A VolumeSnapshotClass (snapshot.storage.k8s.io/v1); needs the CSI snapshot controller. */
export class SnapshotClass extends CheckedConstruct {
  readonly name: string;
  readonly driver: string;

  constructor(scope: Construct, id: string, props: SnapshotClassProps) {
    super(scope, freeId(scope, id));
    const site = new Site(this.node.path);
    this.name = checkDnsSubdomain(site.at('name'), props.name);
    this.driver = checkDnsSubdomain(site.at('driver'), props.driver);
    needAddon(this, { addon: 'snapshot-controller' });
    new VolumeSnapshotClassObject(this, 'snapshot-class', {
      metadata: { name: this.name },
      driver: this.driver,
      deletionPolicy: props.deletionPolicy === 'Delete' ? VolumeSnapshotClassDeletionPolicy.DELETE : VolumeSnapshotClassDeletionPolicy.RETAIN,
      parameters: props.parameters ? { ...props.parameters } : undefined,
    });
  }
}
