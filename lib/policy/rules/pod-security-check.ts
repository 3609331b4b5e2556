import { Manifest } from '../../core/manifest';
import { declaredExceptions, PolicyRule } from '../../core/exceptions';
import { manifestIndex } from '../manifest-index';
import { Finding, PolicyCheck, PolicyContext } from '../policy-check';
import { FoundPodSpec, podSpecOf } from '../../core/pod-specs';
import { PodSecurityLevel, podSecurityViolations } from '../../core/pod-security';

export const ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';
type Level = 'baseline' | 'restricted';

/**
 * Pod Security Admission checks Pods, not Deployments: a Deployment that violates its namespace's
 * level applies cleanly and its pods never start. So every pod template is held to `restricted`
 * here, at synth time (Pod Security Standards v1.28). An object that declares the
 * pod-security-restricted exception must still pass the level its namespace enforces.
 */
export const podSecurityCheck: PolicyCheck = {
  rule: PolicyRule.POD_SECURITY_RESTRICTED,
  appliesTo: (m) => podSpecOf(m) !== undefined,
  check(m: Manifest, context: PolicyContext): Finding[] {
    const found = podSpecOf(m)!;
    const restricted = podSecurityFindings(found, 'restricted');
    if (!declaredExceptions(m.object).has(PolicyRule.POD_SECURITY_RESTRICTED.id)) return restricted;
    const namespace = manifestIndex(context.manifests).namespace(m.namespace);
    if (!namespace) {
      return [
        ...restricted,
        {
          field: 'metadata.namespace',
          value: m.namespace,
          excusable: false,
          problem: 'is not created by this platform, so the Pod Security level that must admit this excused pod is unknown',
          fix: 'create the namespace here (SecureNamespace) with the Pod Security level the pod needs',
        },
      ];
    }
    const level = namespace.object.metadata?.labels?.[ENFORCE_LABEL] ?? 'privileged';
    if (level !== 'baseline' && level !== 'restricted') return restricted;
    const enforced = podSecurityFindings(found, level).map((f) => ({
      ...f,
      excusable: false,
      problem: `${f.problem} (namespace ${m.namespace} enforces ${level}, so the exception cannot help)`,
      fix: `${f.fix}, or give namespace ${m.namespace} the Pod Security level this pod needs`,
    }));
    return [...restricted, ...enforced];
  },
};

/** What the given Pod Security level would refuse in a found pod spec, with fields from the object's root. */
export function podSecurityFindings(found: FoundPodSpec, level: Level): Finding[] {
  // Annotation fields name the pod template's metadata, beside its spec.
  const base = found.field.replace(/\.?spec$/, '');
  return podSecurityViolations(found.spec, PodSecurityLevel.of(level)!, found.annotations).map((v) => ({
    ...v,
    field: v.field.startsWith('metadata.') ? (base ? `${base}.${v.field}` : v.field) : `${found.field}.${v.field}`,
  }));
}
