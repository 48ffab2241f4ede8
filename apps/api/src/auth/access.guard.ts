import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { AccessConfig } from './tokens';

export const ACCESS_CONFIG = Symbol('ACCESS_CONFIG');
const WRITES = 'annals:writes';
const OPEN = 'annals:open';

/** Marks a handler that changes the record: it needs a writer's bearer token. */
export const Writes = (): MethodDecorator => SetMetadata(WRITES, true);

/** Marks a controller that answers without a token even when reads need one (health checks for orchestrators). */
export const OpenToAll = (): ClassDecorator => SetMetadata(OPEN, true);

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerTokenOf(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
}

/** Whether a read with this Authorization header passes the guard: reads are open, or it names a reader or a writer. */
export function mayRead(access: AccessConfig, authorization: string | undefined): boolean {
  if (access.readers.size === 0) return true;
  const token = bearerTokenOf(authorization);
  return token !== undefined && (access.writers.nameOf(token) ?? access.readers.nameOf(token)) !== undefined;
}

/** A request with the name of whoever its token belongs to. */
export type AuthenticatedRequest = Request & { principal?: string };

/**
 * Bearer tokens: writes always need a writer token; reads need a reader or writer token only when reader tokens
 * are configured. No token: 401. A token that is unknown, or a reader's on a write: 403.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ACCESS_CONFIG) private readonly access: AccessConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (this.reflector.get<boolean | undefined>(OPEN, context.getClass()) === true) return true;
    const writes = this.reflector.get<boolean | undefined>(WRITES, context.getHandler()) === true;
    if (!writes && this.access.readers.size === 0) return true;
    const token = bearerTokenOf(request.headers.authorization);
    if (token === undefined)
      throw new UnauthorizedException('a bearer token is required: Authorization: Bearer <token>');
    const writer = this.access.writers.nameOf(token);
    if (writes && writer === undefined) {
      throw new ForbiddenException(
        this.access.writers.size === 0
          ? 'writes are disabled: no writer tokens are configured (ANNALS_WRITER_TOKENS)'
          : 'this token may not write',
      );
    }
    const principal = writer ?? this.access.readers.nameOf(token);
    if (principal === undefined) throw new ForbiddenException('unknown token');
    request.principal = principal;
    return true;
  }
}
