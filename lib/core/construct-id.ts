import { IConstruct } from 'constructs';
import { Site } from './errors';

/**
 * The id a new construct takes in `scope`, refused by name when a sibling already has it:
 * `constructs` would otherwise throw a bare Error from deep inside its tree.
 */
export function freeId(scope: IConstruct, id: string): string {
  if (scope.node.tryFindChild(id) !== undefined) {
    const path = scope.node.path ? `${scope.node.path}/${id}` : id;
    new Site(path, 'id').fail(
      id,
      'is already taken by another construct in the same scope (a construct or platform built twice)',
      'give each construct its own id, or build it once and share it',
    );
  }
  return id;
}
