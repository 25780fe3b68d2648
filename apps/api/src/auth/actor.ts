// Who is making a request, as the auth guard established it, and the decorators that read it.
// A route is signed-in-only unless marked @Public().
import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../common/domain-error';

export interface Actor {
  userId: string;
  /** SHA-256 of the session id when the request came with a session cookie. */
  sessionIdHash: string | null;
  /** The API token's id when the request came with `Authorization: Bearer`. */
  tokenId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}

export const PUBLIC_ROUTE = 'glossa:public-route';

/** Reachable without signing in (the guard still applies CSRF checks to its mutations). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<FastifyRequest>().actor;
  // The guard refuses anonymous requests to non-public routes; reaching here without one is a wiring bug.
  if (!actor) throw DomainError.unauthenticated();
  return actor;
});
