import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { parse as parseQueryString } from 'node:querystring';
import { map, type Observable, of } from 'rxjs';
import { AnswerCache, HistoryQueries } from '@app/history';

/**
 * A read whose JSON answer depends on nothing but its URL and the record: asked again while the record has not
 * changed, it is answered with the bytes and headers sent the first time, without validating, computing or
 * serialising it again (see also `answerRepeatsFirst`). Errors are never kept: a bad question is refused every time.
 */
export const CachedAnswer = (): MethodDecorator => UseInterceptors(CachedAnswers);

/**
 * Runs after the access guard and content negotiation, before the validation pipe and the handler. Only a valid
 * question's answer is ever kept, so a hit has been validated once already, under exactly this question.
 */
@Injectable()
export class CachedAnswers implements NestInterceptor {
  constructor(
    private readonly queries: HistoryQueries,
    private readonly answers: AnswerCache,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<string>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const question = questionOf(request.originalUrl);
    // Waits until the record holds what the store holds: a reader sees its own writes, and a write moves the version.
    const version = await this.queries.version();
    const kept = this.answers.lookup(question, version);
    if (kept) {
      for (const [name, value] of Object.entries(kept.headers)) response.setHeader(name, value);
      return of(kept.body.toString('utf8'));
    }
    return next.handle().pipe(
      map((answer: unknown) => {
        // As express's res.json writes it (no replacer and no spaces are configured), with the ETag it would derive.
        const json = JSON.stringify(answer);
        const body = Buffer.from(json, 'utf8');
        response.setHeader('Content-Type', 'application/json; charset=utf-8');
        const etagOf = request.app.get('etag fn') as ((body: Buffer) => string) | undefined;
        if (etagOf) response.setHeader('ETag', etagOf(body));
        this.answers.keep(question, version, { body, headers: headersOf(response) });
        // Nest sends a string as it is: with the type and the ETag set, the bytes and headers are those of res.json.
        return json;
      }),
    );
  }
}

/**
 * A question as its path and its query string's fields in name order (the same fields in another order are the
 * same question), parsed as express parses a query string. Values are kept as given, an empty or a repeated field
 * included: the validation pipe judges them.
 */
export function questionOf(url: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return url;
  const query = parseQueryString(url.slice(mark + 1));
  const fields = Object.keys(query)
    .sort()
    .map((name) => [name, query[name]]);
  return `${url.slice(0, mark)}?${JSON.stringify(fields)}`;
}

/** Node has it on every outgoing message; its types declare it on ClientRequest only. */
type RawHeaderNames = { getRawHeaderNames(): string[] };

/** Every header set so far, named as it was set (the security headers, the media type, the ETag). */
function headersOf(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of (response as unknown as RawHeaderNames).getRawHeaderNames()) {
    const value = response.getHeader(name);
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return headers;
}
