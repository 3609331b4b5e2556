import { Construct } from 'constructs';
import { Session, SessionSpecApplication } from '../../imports/session-streaming.platform';
import { RenderedSession, SessionTemplates } from '../../lib';

export interface UserSessionRequest {
  readonly userId: string;
  readonly application: 'gimp' | 'blender' | 'inkscape';
  readonly gpu: boolean;
  /** Idle timeout in seconds. */
  readonly timeoutSeconds: number;
}

/**
 * What the session manager creates for one user (seed: "Session Creation"): the typed Session
 * object, and the user's Pod and claim from the emitted templates, with a snapshot when asked.
 */
export function userSession(
  scope: Construct,
  sessions: SessionTemplates,
  request: UserSessionRequest,
  options: { snapshotAt?: Date } = {},
): RenderedSession & { session: Session } {
  const variant = request.gpu ? 'gpu' : 'cpu';
  const rendered = sessions.renderForUser(scope, variant, request.userId, options);
  const session = new Session(scope, `${request.userId}-session`, {
    metadata: { name: `${sessions.name}-${request.userId}`, namespace: sessions.namespace },
    spec: {
      userId: request.userId,
      application: request.application as SessionSpecApplication,
      resources: { cpu: rendered.requests.cpu, memory: rendered.requests.memory, gpu: String(rendered.requests.gpus) },
      storage: rendered.storage && { size: rendered.storage.size, class: rendered.storage.storageClass },
      timeout: request.timeoutSeconds,
    },
  });
  return { ...rendered, session };
}
