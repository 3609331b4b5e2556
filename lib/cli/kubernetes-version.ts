/**
 * The Kubernetes version a build's cluster runs, as `helm template --kube-version` takes it: the
 * one place the chart command reads it. Every build is 1.28 for now (the schemas the synth
 * validates against, ../shared/schemas/k8s-1.28); per-platform versions switch it here.
 */
export function kubernetesVersionOf(_build: string): string {
  return '1.28';
}
