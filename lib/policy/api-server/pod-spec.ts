import { isIP } from 'node:net';
import { FoundPodSpec } from '../../core/pod-specs';
import { isDnsLabel, isDnsSubdomain, isLabelValue, isQualifiedName } from '../../core/names';
import { ApiFindings, listAt, mapAt, QUANTITY_FIX, quantityValue, repeats } from './api-findings';
import { containerEntries, containerFindings, securityContextFindings } from './containers';

// The API server's rules for a pod spec, wherever one is written (a Pod, a PodTemplate, a
// controller's template): pkg/apis/core/validation/validation.go (Kubernetes 1.28), ValidatePodSpec
// and ValidatePodTemplateSpec with the functions they call, named at each rule.

/** What a pod's restartPolicy may be, by the kind that makes it (ValidatePodTemplateSpecForReplicaSet/StatefulSet/DaemonSet, batch validateJobSpec). */
const RESTART_POLICIES: Record<string, readonly string[]> = {
  Deployment: ['Always'],
  ReplicaSet: ['Always'],
  StatefulSet: ['Always'],
  DaemonSet: ['Always'],
  Job: ['OnFailure', 'Never'],
  CronJob: ['OnFailure', 'Never'],
};
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const SPREAD_ACTIONS = ['DoNotSchedule', 'ScheduleAnyway'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const NODE_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'];
/** validatePodDNSConfig's libc limits. */
const MAX_DNS_NAMESERVERS = 3;
const MAX_DNS_SEARCHES = 32;

/**
 * The rules of one pod spec. `kind` is the object that writes it; `claimTemplates` are the
 * volume names a StatefulSet's claim templates add to its pods.
 */
export function podSpecFindings(f: ApiFindings, found: FoundPodSpec, kind: string, claimTemplates: readonly string[] = []): void {
  const { spec, field } = found;
  const volumeNames = volumeFindings(f, field, listAt(spec.volumes));
  const mountable = new Set([...volumeNames, ...claimTemplates]);
  const hostNetwork = spec.hostNetwork === true;

  // validateContainers: at least one container.
  if (Array.isArray(spec.containers) && spec.containers.length === 0) {
    f.refuse(`${field}.containers`, [], 'must list at least one container', 'add the application container');
  }
  const entries = containerEntries(spec, field);
  for (const { list, at, c } of entries) containerFindings(f, at, list, c, mountable, hostNetwork);
  // validateContainers, validateInitContainers, validateEphemeralContainers: one name space for all of them.
  for (const { index, first } of repeats(entries.map((e) => e.c.name))) {
    const entry = entries[index];
    f.refuse(
      `${entry.at}.name`,
      entry.c.name,
      `must be unique among the pod's containers (${entries[first].list}[${entries[first].index}] has it)`,
      'give every container, init container and ephemeral container its own name',
    );
  }
  hostPortFindings(f, field, spec);

  // ValidatePodTemplateSpec / ValidatePodCreate: ephemeral containers are added to running pods only.
  if (listAt(spec.ephemeralContainers).length > 0) {
    f.refuse(
      `${field}.ephemeralContainers`,
      spec.ephemeralContainers.map((c: any) => c?.name),
      kind === 'Pod' ? 'may not be set when a pod is created' : 'may not be set in a pod template',
      'drop them; add a debug container to a running pod with kubectl debug',
    );
  }
  restartPolicyFindings(f, field, spec.restartPolicy, kind);
  dnsFindings(f, field, spec);
  spreadFindings(f, field, listAt(spec.topologySpreadConstraints));
  tolerationFindings(f, field, listAt(spec.tolerations));
  nodeAffinityFindings(f, field, spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution);
  securityContextFindings(f, `${field}.securityContext`, spec.securityContext);

  // ValidatePodSpec: names of other objects, and the deadline.
  for (const [name, valid, what] of [
    ['hostname', isDnsLabel, 'a DNS-1123 label'],
    ['subdomain', isDnsLabel, 'a DNS-1123 label'],
    ['serviceAccountName', isDnsSubdomain, 'a DNS-1123 subdomain'],
    ['priorityClassName', isDnsSubdomain, 'a DNS-1123 subdomain'],
    ['runtimeClassName', isDnsSubdomain, 'a DNS-1123 subdomain'],
    ['nodeName', isDnsSubdomain, 'a DNS-1123 subdomain'],
  ] as const) {
    if (typeof spec[name] === 'string' && spec[name] !== '' && !valid(spec[name])) {
      f.refuse(`${field}.${name}`, spec[name], `must be ${what}`, 'use the lower-case name of the object');
    }
  }
  const deadline = spec.activeDeadlineSeconds;
  if (typeof deadline === 'number' && !(Number.isInteger(deadline) && deadline >= 1 && deadline <= 2 ** 31 - 1)) {
    f.refuse(`${field}.activeDeadlineSeconds`, deadline, 'must be a whole number of seconds of at least 1', 'drop it, or give e.g. 3600');
  }
  for (const [key, value] of Object.entries(mapAt(spec.nodeSelector))) {
    if (!isQualifiedName(key) || !isLabelValue(value)) {
      f.refuse(`${field}.nodeSelector.${key}`, value, 'must be a label key and value', 'select nodes by a label they carry');
    }
  }
}

/** ValidateVolumes, validateVolumeSource: unique DNS-1123 label names, each with exactly one source. */
function volumeFindings(f: ApiFindings, field: string, volumes: any[]): string[] {
  volumes.forEach((v, i) => {
    const at = `${field}.volumes[${i}]`;
    if (typeof v?.name === 'string' && !isDnsLabel(v.name))
      f.refuse(`${at}.name`, v?.name, 'must be a DNS-1123 label (1-63 lower-case letters, digits and "-")', 'name the volume, e.g. "data"');
    const sources = Object.keys(mapAt(v)).filter((k) => k !== 'name');
    if (sources.length !== 1) {
      f.refuse(
        at,
        sources,
        sources.length === 0 ? 'must give a volume source (emptyDir, configMap, secret, ...)' : 'may give only one volume source',
        'split it into one volume per source',
      );
    }
    const sizeLimit = v?.emptyDir?.sizeLimit;
    if (sizeLimit !== undefined) {
      const bytes = quantityValue(sizeLimit);
      if (bytes === undefined) f.refuse(`${at}.emptyDir.sizeLimit`, sizeLimit, 'must be a quantity', QUANTITY_FIX);
      else if (bytes < 0) f.refuse(`${at}.emptyDir.sizeLimit`, sizeLimit, 'must not be negative', 'give the size, e.g. "1Gi"');
    }
    if (v?.hostPath !== undefined && (typeof v.hostPath.path !== 'string' || v.hostPath.path === '')) {
      f.refuse(`${at}.hostPath.path`, v.hostPath.path, 'must be set', 'give the path on the node');
    }
    if (v?.secret !== undefined && (typeof v.secret.secretName !== 'string' || v.secret.secretName === '')) {
      f.refuse(`${at}.secret.secretName`, v.secret.secretName, 'must name the Secret', 'give secretName');
    }
    if (v?.configMap !== undefined && (typeof v.configMap.name !== 'string' || v.configMap.name === '')) {
      f.refuse(`${at}.configMap.name`, v.configMap.name, 'must name the ConfigMap', 'give name');
    }
  });
  for (const { index, first } of repeats(volumes.map((v) => v?.name))) {
    f.refuse(
      `${field}.volumes[${index}].name`,
      volumes[index].name,
      `must be unique in the pod (volumes[${first}] has it)`,
      'give every volume its own name',
    );
  }
  return volumes.map((v) => v?.name).filter((n): n is string => typeof n === 'string');
}

/** checkHostPortConflicts (per container list) and AccumulateUniqueHostPorts: one host port, once per pod. */
function hostPortFindings(f: ApiFindings, field: string, spec: Record<string, any>): void {
  const claims = containerEntries(spec, field)
    .filter((e) => e.list === 'containers')
    .flatMap((e) =>
      listAt(e.c.ports).flatMap((p, j) =>
        p?.hostPort ? [{ key: `${p.protocol ?? 'TCP'}/${p.hostIP ?? ''}/${p.hostPort}`, at: `${e.at}.ports[${j}].hostPort`, port: p.hostPort }] : [],
      ),
    );
  for (const { index, first } of repeats(claims.map((c) => c.key))) {
    f.refuse(
      claims[index].at,
      claims[index].port,
      `must not repeat a host port of the pod (${claims[first].at.slice(field.length + 1)} takes it)`,
      'give each host port once',
    );
  }
}

function restartPolicyFindings(f: ApiFindings, field: string, policy: unknown, kind: string): void {
  const allowed = RESTART_POLICIES[kind] ?? ['Always', 'OnFailure', 'Never'];
  // The pod default is Always, which a Job refuses: so a Job must say it.
  const effective = policy ?? 'Always';
  if (typeof effective === 'string' && !allowed.includes(effective)) {
    f.refuse(
      `${field}.restartPolicy`,
      policy,
      `must be ${allowed.join(' or ')}${RESTART_POLICIES[kind] ? ` in a ${kind}'s pods` : ''}`,
      `set restartPolicy: "${allowed[0]}"`,
    );
  }
}

/** validateDNSPolicy, validatePodDNSConfig. */
function dnsFindings(f: ApiFindings, field: string, spec: Record<string, any>): void {
  if (typeof spec.dnsPolicy === 'string' && !DNS_POLICIES.includes(spec.dnsPolicy)) {
    f.refuse(`${field}.dnsPolicy`, spec.dnsPolicy, `must be one of ${DNS_POLICIES.join(', ')}`, 'drop dnsPolicy for ClusterFirst');
  }
  const config = spec.dnsConfig;
  const nameservers = listAt(config?.nameservers);
  if (spec.dnsPolicy === 'None' && (config === undefined || nameservers.length === 0)) {
    f.refuse(
      `${field}.dnsConfig${config === undefined ? '' : '.nameservers'}`,
      config,
      'must give at least one nameserver when dnsPolicy is None (the pod has no resolver otherwise)',
      'add dnsConfig: { nameservers: [...] }, or drop dnsPolicy: None',
    );
  }
  if (nameservers.length > MAX_DNS_NAMESERVERS) {
    f.refuse(
      `${field}.dnsConfig.nameservers`,
      nameservers,
      `must list at most ${MAX_DNS_NAMESERVERS} nameservers (libc reads no more)`,
      'keep three',
    );
  }
  nameservers.forEach((ns, i) => {
    if (typeof ns !== 'string' || isIP(ns) === 0)
      f.refuse(`${field}.dnsConfig.nameservers[${i}]`, ns, 'must be an IP address', 'write e.g. "10.96.0.10"');
  });
  const searches = listAt(config?.searches);
  if (searches.length > MAX_DNS_SEARCHES) {
    f.refuse(
      `${field}.dnsConfig.searches`,
      searches.length,
      `must list at most ${MAX_DNS_SEARCHES} search domains`,
      'keep the domains the pod resolves',
    );
  }
}

/** validateTopologySpreadConstraints. */
function spreadFindings(f: ApiFindings, field: string, constraints: any[]): void {
  constraints.forEach((c, i) => {
    const at = `${field}.topologySpreadConstraints[${i}]`;
    if (typeof c?.maxSkew === 'number' && !(Number.isInteger(c.maxSkew) && c.maxSkew > 0))
      f.refuse(`${at}.maxSkew`, c?.maxSkew, 'must be a whole number of at least 1', 'write maxSkew: 1');
    if (c?.topologyKey === '') f.refuse(`${at}.topologyKey`, c?.topologyKey, 'must name a node label', 'write e.g. "kubernetes.io/hostname"');
    if (typeof c?.whenUnsatisfiable === 'string' && !SPREAD_ACTIONS.includes(c.whenUnsatisfiable)) {
      f.refuse(
        `${at}.whenUnsatisfiable`,
        c?.whenUnsatisfiable,
        `must be ${SPREAD_ACTIONS.join(' or ')}`,
        'write "ScheduleAnyway" for a preference, "DoNotSchedule" for a rule',
      );
    }
    if (c?.minDomains !== undefined) {
      if (typeof c.minDomains === 'number' && !(Number.isInteger(c.minDomains) && c.minDomains > 0))
        f.refuse(`${at}.minDomains`, c.minDomains, 'must be a whole number of at least 1', 'drop minDomains or give e.g. 3');
      else if (c.whenUnsatisfiable !== 'DoNotSchedule')
        f.refuse(`${at}.minDomains`, c.minDomains, 'may only be set with whenUnsatisfiable DoNotSchedule', 'drop minDomains');
    }
    for (const policy of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) {
      if (typeof c?.[policy] === 'string' && !['Honor', 'Ignore'].includes(c[policy]))
        f.refuse(`${at}.${policy}`, c[policy], 'must be Honor or Ignore', `drop ${policy}`);
    }
  });
  for (const { index, first } of repeats(constraints.map((c) => `${c?.topologyKey}\u0000${c?.whenUnsatisfiable}`))) {
    f.refuse(
      `${field}.topologySpreadConstraints[${index}]`,
      `${constraints[index]?.topologyKey}, ${constraints[index]?.whenUnsatisfiable}`,
      `must not repeat the topologyKey and whenUnsatisfiable of topologySpreadConstraints[${first}]`,
      'merge the two constraints',
    );
  }
}

/** ValidateTolerations. */
function tolerationFindings(f: ApiFindings, field: string, tolerations: any[]): void {
  tolerations.forEach((t, i) => {
    const at = `${field}.tolerations[${i}]`;
    const operator = t?.operator ?? 'Equal';
    if (t?.key !== undefined && t.key !== '' && !isQualifiedName(t.key))
      f.refuse(`${at}.key`, t.key, 'must be a label key', 'tolerate the taint by its key');
    if ((t?.key === undefined || t.key === '') && operator !== 'Exists') {
      f.refuse(
        `${at}.operator`,
        t?.operator,
        'must be Exists when key is empty (which tolerates every taint)',
        'give the taint key, or operator: "Exists"',
      );
    }
    if (operator === 'Exists' && t?.value !== undefined && t.value !== '') {
      f.refuse(`${at}.value`, t.value, 'must be empty when operator is Exists', 'drop value, or use operator: "Equal"');
    } else if (operator === 'Equal' && t?.value !== undefined && !isLabelValue(t.value)) {
      f.refuse(`${at}.value`, t.value, 'must be a label value', 'tolerate the taint by its value');
    } else if (typeof operator === 'string' && operator !== 'Equal' && operator !== 'Exists') {
      f.refuse(`${at}.operator`, t?.operator, 'must be Equal or Exists', 'write "Equal" or "Exists"');
    }
    if (typeof t?.effect === 'string' && t.effect !== '' && !TAINT_EFFECTS.includes(t.effect)) {
      f.refuse(`${at}.effect`, t.effect, `must be one of ${TAINT_EFFECTS.join(', ')}`, 'write the effect of the taint, e.g. "NoSchedule"');
    }
    if (t?.tolerationSeconds !== undefined && t?.effect !== 'NoExecute') {
      f.refuse(`${at}.effect`, t?.effect, 'must be NoExecute when tolerationSeconds is set', 'drop tolerationSeconds, or tolerate a NoExecute taint');
    }
  });
}

/** ValidateNodeSelector, ValidateNodeSelectorRequirement. */
function nodeAffinityFindings(f: ApiFindings, field: string, required: unknown): void {
  if (required === undefined) return;
  const at = `${field}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`;
  const terms = listAt(mapAt(required).nodeSelectorTerms);
  if (terms.length === 0)
    f.refuse(`${at}.nodeSelectorTerms`, terms, 'must list at least one node selector term', 'add a term, or drop the required node affinity');
  terms.forEach((term, i) =>
    listAt(term?.matchExpressions).forEach((e, j) => {
      const expr = `${at}.nodeSelectorTerms[${i}].matchExpressions[${j}]`;
      const values = listAt(e?.values);
      if (typeof e?.operator === 'string' && !NODE_OPERATORS.includes(e.operator))
        f.refuse(`${expr}.operator`, e?.operator, `must be one of ${NODE_OPERATORS.join(', ')}`, 'write e.g. "In"');
      else if ((e.operator === 'In' || e.operator === 'NotIn') && values.length === 0)
        f.refuse(`${expr}.values`, values, `must list values with operator ${e.operator}`, 'list the label values');
      else if ((e.operator === 'Exists' || e.operator === 'DoesNotExist') && values.length > 0)
        f.refuse(`${expr}.values`, values, `must be empty with operator ${e.operator}`, 'drop values');
      else if ((e.operator === 'Gt' || e.operator === 'Lt') && values.length !== 1)
        f.refuse(`${expr}.values`, values, `must hold one number with operator ${e.operator}`, 'give one value');
    }),
  );
}
