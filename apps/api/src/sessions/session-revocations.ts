// In-process announcements that someone's access ended or shrank, emitted after the change commits.
// The live-updates layer subscribes to close the affected sockets (SECURITY.md A4, I5).
import { EventEmitter } from 'node:events';
import { Injectable } from '@nestjs/common';
import type { Role } from '@glossa/contracts';

export type Revocation =
  /** Logout, password change: these sessions no longer authenticate anything. */
  | { kind: 'sessions-ended'; userId: string; sessionIdHashes: string[] }
  /** An API token was revoked. */
  | { kind: 'token-revoked'; userId: string; tokenId: string }
  /** Removed from (or left) a workspace: nothing of it may reach them any more. */
  | { kind: 'membership-ended'; userId: string; workspaceId: string }
  /** Role changed: what they may see or do in the workspace changed. */
  | { kind: 'membership-changed'; userId: string; workspaceId: string; role: Role };

const REVOKED = 'revoked';

@Injectable()
export class SessionRevocations {
  private readonly emitter = new EventEmitter();

  /** Subscribes; returns the unsubscribe function. */
  subscribe(listener: (revocation: Revocation) => void): () => void {
    this.emitter.on(REVOKED, listener);
    return () => this.emitter.off(REVOKED, listener);
  }

  emit(revocation: Revocation): void {
    // A subscriber's failure must not turn a completed logout into an error response.
    for (const listener of this.emitter.listeners(REVOKED)) {
      try {
        (listener as (r: Revocation) => void)(revocation);
      } catch {
        // ignored: the change is committed and the next request re-checks access anyway
      }
    }
  }
}
