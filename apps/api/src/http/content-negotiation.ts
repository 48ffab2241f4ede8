import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  NotAcceptableException,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Observable } from 'rxjs';

const MEDIA_TYPE = 'annals:media-type';

/** The media type a handler answers in, when it is not JSON. */
export const AnswersIn = (mediaType: string): MethodDecorator => SetMetadata(MEDIA_TYPE, mediaType);

/**
 * Each endpoint answers in one media type (JSON unless it says otherwise): a request whose Accept header rules
 * that type out gets 406 rather than an answer it did not ask for. No Accept header accepts anything.
 */
@Injectable()
export class ContentNegotiation implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const mediaType =
      this.reflector.get<string | undefined>(MEDIA_TYPE, context.getHandler()) ?? 'application/json';
    if (request.accepts(mediaType) === false) {
      throw new NotAcceptableException(
        `this endpoint answers in ${mediaType} only; the Accept header asks for ${String(request.headers.accept).slice(0, 80)}`,
      );
    }
    return next.handle();
  }
}
