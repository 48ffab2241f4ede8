import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, UseInterceptors } from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, type Observable, of } from 'rxjs';
import { AnswerCache, HistoryQueries, type SerialisedAnswer } from '@app/history';

/**
 * A read whose JSON answer depends on nothing but its path, its query string and the record: asked again while the
 * record has not changed, it is answered from the bytes sent the first time, without validating, computing or
 * serialising it again. Errors are never kept, so a bad question is refused every time it is asked.
 */
export const CachedAnswer = (): MethodDecorator => UseInterceptors(CachedAnswers);

/**
 * Runs after the access guard and content negotiation, before the validation pipe and the handler. Only a valid
 * question's answer is ever kept, so a hit has been validated once already, under exactly this query string.
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
    const question = questionOf(request);
    // Waits until the record holds what the store holds: a reader sees its own writes, and a write moves the version.
    const version = await this.queries.version();
    const kept = this.answers.lookup(question, version);
    if (kept) return of(sent(response, kept));
    return next.handle().pipe(
      map((answer: unknown) => {
        // As express's res.json writes it (no replacer, no spaces are configured), and the ETag it would derive.
        const body = JSON.stringify(answer);
        const etagOf = request.app.get('etag fn') as ((body: string, encoding: BufferEncoding) => string) | undefined;
        const serialised = { body, etag: etagOf?.(body, 'utf8') };
        this.answers.keep(question, version, serialised);
        return sent(response, serialised);
      }),
    );
  }
}

/**
 * The question as the path and the query string's fields in name order: the same question asked with its fields in
 * another order is the same question. Values are kept as given (an empty or repeated field included), since the
 * validation pipe judges them.
 */
function questionOf(request: Request): string {
  const query = request.query as Record<string, unknown>;
  const names = Object.keys(query);
  if (names.length === 0) return request.path;
  return `${request.path}?${JSON.stringify(names.sort().map((name) => [name, query[name]]))}`;
}

/** Nest sends a string as it is: with the type and ETag set here, the bytes and headers are those of res.json. */
function sent(response: Response, { body, etag }: SerialisedAnswer): string {
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  if (etag !== undefined) response.setHeader('ETag', etag);
  return body;
}
