import { applyDecorators, HttpStatus, type Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProduces,
  ApiResponse,
  ApiSecurity,
  getSchemaPath,
} from '@nestjs/swagger';
import { ProblemAnswer } from '../answers/problem.answer';
import { AnswersIn } from '../http/content-negotiation';

/** What each error status means here; every one is answered as application/problem+json. */
const PROBLEMS: Readonly<Partial<Record<HttpStatus, string>>> = {
  [HttpStatus.BAD_REQUEST]: 'invalid input: every field that is wrong, with the reason',
  [HttpStatus.UNAUTHORIZED]: 'no bearer token where one is needed',
  [HttpStatus.FORBIDDEN]: 'a token that is unknown, or not allowed to do this',
  [HttpStatus.NOT_FOUND]: 'not in the record',
  [HttpStatus.NOT_ACCEPTABLE]: 'the Accept header asks for a media type this endpoint does not give',
  [HttpStatus.CONFLICT]: 'the event id is taken by another fact',
  [HttpStatus.PRECONDITION_FAILED]: 'If-Match names a revision the stream has moved past',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'the body is over the size limit',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]:
    'the body is not JSON, or in a charset or Content-Encoding not read here',
  [HttpStatus.UNPROCESSABLE_ENTITY]: "the fact would break the stream's rules: the invariant's code",
  [HttpStatus.SERVICE_UNAVAILABLE]:
    'not ready: the store does not answer or the record is still loading; `checks` says which',
};

/** The error answers of an operation, each as a problem+json schema. */
export function ProblemResponses(...statuses: HttpStatus[]): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemAnswer),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEMS[status] ?? HttpStatus[status],
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemAnswer) } } },
      }),
    ),
  );
}

/**
 * A read: its JSON answer, its errors, and the reader token it needs when ANNALS_READER_TOKENS is set (the empty
 * requirement says that it may need none).
 */
export function Reads(answer: Type, ...errors: HttpStatus[]): MethodDecorator {
  return applyDecorators(
    ApiOkResponse({ type: answer }),
    ApiSecurity({}),
    ApiSecurity('reader'),
    ProblemResponses(
      HttpStatus.BAD_REQUEST,
      HttpStatus.UNAUTHORIZED,
      HttpStatus.FORBIDDEN,
      HttpStatus.NOT_ACCEPTABLE,
      ...errors,
    ),
  );
}

/** A read that streams text in a media type of its own (CSV, NDJSON, server-sent events). */
export function Streams(mediaType: string, description: string, ...errors: HttpStatus[]): MethodDecorator {
  return applyDecorators(
    AnswersIn(mediaType),
    ApiProduces(mediaType),
    ApiOkResponse({ description, content: { [mediaType]: { schema: { type: 'string', description } } } }),
    ApiSecurity({}),
    ApiSecurity('reader'),
    ProblemResponses(
      HttpStatus.BAD_REQUEST,
      HttpStatus.UNAUTHORIZED,
      HttpStatus.FORBIDDEN,
      HttpStatus.NOT_ACCEPTABLE,
      ...errors,
    ),
  );
}
