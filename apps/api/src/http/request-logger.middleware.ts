import { Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** One line per request: method, path, status and time taken. */
@Injectable()
export class RequestLogger implements NestMiddleware {
  private readonly logger = new Logger('http');

  use(request: Request, response: Response, next: NextFunction): void {
    logWhenDone(this.logger, request.originalUrl, request, response);
    next();
  }
}

/** The request's line, written once its response is over, with its URL as it was asked. */
export function logWhenDone(
  logger: Logger,
  url: string,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const started = process.hrtime.bigint();
  response.on('close', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    logger.log(`${request.method} ${url} ${response.statusCode} ${ms.toFixed(1)}ms`);
  });
}
