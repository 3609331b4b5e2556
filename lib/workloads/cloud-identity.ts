import { Site } from '../core/errors';
import { checkGuid } from '../core/names';

const AWS_ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/**
 * A cloud identity a ServiceAccount's pods act as, without keys in the cluster: IRSA on EKS (the
 * role annotation), workload identity on AKS (the client-id annotation, and a pod label that
 * makes the webhook inject the federated token).
 */
export class CloudIdentity {
  /** An AWS IAM role assumed through IRSA, e.g. "arn:aws:iam::123456789012:role/backup". */
  static awsIamRole(roleArn: string): CloudIdentity {
    return new CloudIdentity({ 'eks.amazonaws.com/role-arn': roleArn }, {}, (site) => {
      if (!AWS_ROLE_ARN.test(roleArn)) {
        site.fail(
          roleArn,
          'must be an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)',
          'copy it from the role (aws iam get-role --query Role.Arn)',
        );
      }
    });
  }
  /** An Azure managed identity federated with the ServiceAccount (AKS workload identity). */
  static azureWorkloadIdentity(clientId: string): CloudIdentity {
    return new CloudIdentity({ 'azure.workload.identity/client-id': clientId }, { 'azure.workload.identity/use': 'true' }, (site) =>
      checkGuid(site, clientId),
    );
  }

  private constructor(
    /** Annotations the ServiceAccount carries. */
    readonly serviceAccountAnnotations: Readonly<Record<string, string>>,
    /** Labels the pods carry. */
    readonly podLabels: Readonly<Record<string, string>>,
    private readonly validate: (site: Site) => void,
  ) {}

  /** Refuses a malformed role or client id, at the field that gave it. */
  check(site: Site): this {
    this.validate(site);
    return this;
  }
}
