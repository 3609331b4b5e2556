import { ApiObject } from 'cdk8s';
import { Site } from './errors';

/**
 * Flux's per-object force: when applying the object fails on an immutable field, kustomize-controller
 * deletes and recreates it (fluxcd/kustomize-controller#787, fluxcd/pkg#453). Set on one object,
 * never on a whole Kustomization (spec.force), so no other object can be replaced by accident.
 */
export const FLUX_FORCE_ANNOTATION = 'kustomize.toolkit.fluxcd.io/force';
/** Why the object may be replaced; the change summary shows it beside the immutable fields that change. */
export const REPLACEMENT_REASON_ANNOTATION = 'k8s-platforms.dev/replacement-reason';

export interface ReplacementDeclaration {
  /** Why deleting and recreating the object is intended, e.g. "moves to the standard selector labels". */
  readonly reason: string;
}

/**
 * Declares that `obj` may be deleted and recreated when one of its immutable fields (a
 * Deployment's selector, a StatefulSet's claim templates) changes: Flux then forces it, instead
 * of failing the apply. A Deployment's or StatefulSet's pods go with it (a StatefulSet's claims
 * stay). Remove the declaration once the change has been applied, so a later immutable change
 * is stopped again; the change summary reminds you while it is left in place.
 */
export function declareReplacement(obj: ApiObject, declaration: ReplacementDeclaration): void {
  const site = new Site(obj.node.path, 'replacement');
  if (typeof declaration?.reason !== 'string' || declaration.reason.trim().length < 10) {
    site
      .at('reason')
      .fail(
        declaration?.reason,
        'must say in at least 10 characters why the object may be deleted and recreated',
        'write the reason a reviewer needs',
      );
  }
  obj.metadata.addAnnotation(FLUX_FORCE_ANNOTATION, 'enabled');
  obj.metadata.addAnnotation(REPLACEMENT_REASON_ANNOTATION, declaration.reason);
}

/** The declared reason for replacing a synthesized object, if it declares one. */
export function declaredReplacement(object: Record<string, any>): string | undefined {
  const annotations = object.metadata?.annotations ?? {};
  return annotations[FLUX_FORCE_ANNOTATION] === 'enabled' ? (annotations[REPLACEMENT_REASON_ANNOTATION] ?? 'no reason given') : undefined;
}
