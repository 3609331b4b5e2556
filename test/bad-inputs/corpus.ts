import { apiServer } from './api-server';
import { budgets } from './budgets';
import { closure } from './closure';
import { clusterContract } from './cluster-contract';
import { exposure } from './exposure';
import { constructs } from './constructs';
import { Case } from './fixtures';
import { fargateAndLocalImages } from './fargate-and-local-images';
import { handedRequest } from './handed-request';
import { namesAndFiles } from './names-and-files';
import { network } from './network';
import { nothingVanishes } from './nothing-vanishes';
import { objectValues } from './object-values';
import { openNetworkPolicies } from './open-network-policies';
import { outputFolders } from './output-folders';
import { podSecurity } from './pod-security';
import { podsAndServices } from './pods-and-services';
import { powerfulGrants } from './powerful-grants';
import { policyRules } from './policy-rules';
import { resourcesAndPlacement } from './resources-and-placement';
import { schema } from './schema';
import { secretValues } from './secret-values';
import { staticNodes } from './static-nodes';
import { wrongTypes } from './wrong-types';
import { kubernetesVersions } from './kubernetes-versions';

/**
 * The corpus of refused inputs, by subject: one module a subject beside this file, each a list of
 * cases (title, what it builds, the exact refusal). bad-inputs.test.ts runs them all in one suite,
 * so its coverage check sees every case's error: every PolicyRule and every lib/ file that refuses
 * input must be reached by some case. A new case goes in the module of its subject; a new subject
 * is a module here.
 */
export const SUBJECTS: readonly { readonly subject: string; readonly cases: readonly Case[] }[] = [
  { subject: 'names, identities and files', cases: namesAndFiles },
  { subject: 'resources and placement', cases: resourcesAndPlacement },
  { subject: 'Fargate and never-pulled images', cases: fargateAndLocalImages },
  { subject: 'static nodes (k3s)', cases: staticNodes },
  { subject: 'pods and Services', cases: podsAndServices },
  { subject: 'other constructs with their own validation', cases: constructs },
  { subject: 'props of the wrong type', cases: wrongTypes },
  { subject: 'network rules', cases: network },
  { subject: 'schema (Kubernetes 1.28 and the pinned CRDs)', cases: schema },
  { subject: 'object values as the API server sees them', cases: objectValues },
  { subject: "the API server's own validation", cases: apiServer },
  { subject: 'nothing the user wrote vanishes', cases: nothingVanishes },
  { subject: 'policy rules on hand-written objects', cases: policyRules },
  { subject: 'Pod Security controls', cases: podSecurity },
  { subject: 'powerful grants', cases: powerfulGrants },
  { subject: 'default deny stays default deny', cases: openNetworkPolicies },
  { subject: 'budgets and targets that mean something', cases: budgets },
  { subject: 'secret values', cases: secretValues },
  { subject: 'add-ons and the closure', cases: closure },
  { subject: 'Kubernetes versions, add-on charts and Flux', cases: kubernetesVersions },
  { subject: 'what the cluster contract says the cluster cannot serve', cases: clusterContract },
  { subject: 'who reaches a Service from outside the cluster, and what serves its LoadBalancer', cases: exposure },
  { subject: "the synth's folders and files beside dist/", cases: outputFolders },
  { subject: 'the request k8s-platforms hands the app', cases: handedRequest },
];
