import { Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** One line per request: method, path, status and time taken. */
@Injectable()
export class RequestLogger implements NestMiddleware {
  private readonly logger = new Logger('http');

  use(request: Request, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    response.on('close', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      this.logger.log(`${request.method} ${request.originalUrl} ${response.statusCode} ${ms.toFixed(1)}ms`);
    });
    next();
  }
}
