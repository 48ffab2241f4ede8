import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { invalidQueryOf, QUERY_VALIDATION } from '@app/history';
import { publishApiDocument } from './docs/api-document';
import { answerRepeatsFirst } from './http/answered-before';
import { JSON_BODY_LIMIT, safeJsonBody, verifyJsonBytes } from './http/json-body';
import { servePage } from './page/page-assets';

/**
 * The page and the API load only their own scripts, styles and data; nothing may frame them. Swagger UI at /docs
 * sets a few styles inline, so only there are inline styles allowed.
 */
const CSP = {
  'default-src': ["'self'"],
  'base-uri': ["'none'"],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  // The API is served over plain HTTP on a loopback address by default: upgrading requests would break it.
  'upgrade-insecure-requests': null,
};

/** Everything main.ts and the e2e tests both set up on the application, so that tests run the real thing. */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  app.disable('x-powered-by');
  // X-Frame-Options says what frame-ancestors says, for browsers that read only the older header.
  const headers = helmet({ contentSecurityPolicy: { directives: CSP }, frameguard: { action: 'deny' } });
  const docsHeaders = helmet({
    contentSecurityPolicy: { directives: { ...CSP, 'style-src': ["'self'", "'unsafe-inline'"] } },
    frameguard: { action: 'deny' },
  });
  app.use((request: Request, response: Response, next: NextFunction) =>
    (/^\/docs(\/|$)/.test(request.path) ? docsHeaders : headers)(request, response, next),
  );
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT, verify: verifyJsonBytes });
  app.use(safeJsonBody);
  app.useGlobalPipes(
    new ValidationPipe({ ...QUERY_VALIDATION, transform: true, exceptionFactory: invalidQueryOf }),
  );
  app.enableShutdownHooks();
  publishApiDocument(app);
  servePage(app);
  answerRepeatsFirst(app);
  return app;
}
