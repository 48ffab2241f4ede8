import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, InvalidEvent } from '@app/domain';
import {
  EventIdConflict,
  InvalidArgument,
  StoreFailure,
  StoreUnavailable,
  WrongExpectedRevision,
} from '@app/event-store';
import { InvalidQuery, NotFound } from '@app/history';
import { isBodyError } from './json-body';

/** RFC 9457 problem details: the one shape every error of the API takes. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code?: string;
  errors?: readonly { path: string; reason: string }[];
  /** A failed health check: each check and what it found. */
  checks?: Readonly<Record<string, unknown>>;
}

/** The one place where domain and store errors become HTTP answers. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    const problem = { ...toProblem(error), instance: request.originalUrl };
    if (problem.status >= 500)
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (response.headersSent) return;
    response.status(problem.status).type('application/problem+json').json(problem);
  }
}

function toProblem(error: unknown): Omit<ProblemDetails, 'instance'> {
  if (error instanceof InvalidEvent || error instanceof InvalidQuery) {
    return problem(HttpStatus.BAD_REQUEST, 'invalid-input', 'The input is not valid', error.message, {
      code: error.code,
      errors: error.problems,
    });
  }
  if (error instanceof NotFound) {
    return problem(HttpStatus.NOT_FOUND, 'not-found', 'Not in the record', error.message, {
      code: error.code,
    });
  }
  if (error instanceof DomainError) {
    return problem(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'broken-invariant',
      'The fact would make the record inconsistent',
      error.message,
      {
        code: error.code,
      },
    );
  }
  if (error instanceof WrongExpectedRevision) {
    return problem(
      HttpStatus.PRECONDITION_FAILED,
      'wrong-expected-revision',
      'The stream has moved on',
      error.message,
      {
        code: error.code,
      },
    );
  }
  if (error instanceof EventIdConflict) {
    return problem(HttpStatus.CONFLICT, 'event-id-conflict', 'The event id is already taken', error.message, {
      code: error.code,
    });
  }
  if (error instanceof InvalidArgument) {
    return problem(HttpStatus.BAD_REQUEST, 'invalid-input', 'The input is not valid', error.message, {
      code: error.code,
    });
  }
  if (error instanceof StoreUnavailable) {
    // The store's own message names hosts and ports: it goes to the log (status ≥ 500), not to the client.
    return problem(
      HttpStatus.SERVICE_UNAVAILABLE,
      'store-unavailable',
      'The event store is unavailable',
      'the event store cannot be reached or has no leader now; retry later',
      {
        code: error.code,
      },
    );
  }
  if (error instanceof StoreFailure) {
    // Not the caller's fault and not transient: the file is damaged or the disk failed. Its message names the file
    // on the server: it goes to the log (status ≥ 500), the client learns what kind of failure it met.
    return problem(
      HttpStatus.INTERNAL_SERVER_ERROR,
      'store-failure',
      'The event store failed',
      'the event store could not be read or written (a damaged file or a disk error); see the server log',
      {
        code: error.code,
      },
    );
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    const detail =
      typeof message === 'string' ? message : Array.isArray(message) ? message.join('; ') : error.message;
    return problem(
      status,
      slug(HttpStatus[status] ?? 'error'),
      error.name.replace(/Exception$/, ''),
      detail,
      checksOf(body),
    );
  }
  // What body-parser and the body checks refuse (415 charset or encoding, 400 bad gzip, depth, prototype keys)
  // reaches here before any handler, as an http-errors object rather than an HttpException.
  if (isBodyError(error)) {
    const { status } = error;
    // A stream that fails to inflate is reported by body-parser with the bare status text.
    const message =
      error.message === 'Bad Request'
        ? 'the body could not be decoded: check its Content-Encoding and that it is complete'
        : error.message;
    return problem(
      status,
      slug(HttpStatus[status] ?? 'error'),
      'The request body cannot be read',
      message,
      error.problem ? { errors: [error.problem] } : {},
    );
  }
  return problem(
    HttpStatus.INTERNAL_SERVER_ERROR,
    'internal-error',
    'Internal error',
    'the server could not answer; see its log',
    {},
  );
}

function problem(
  status: number,
  type: string,
  title: string,
  detail: string,
  extra: Pick<ProblemDetails, 'code' | 'errors' | 'checks'>,
): Omit<ProblemDetails, 'instance'> {
  return { type: `/problems/${type}`, title, status, detail, ...extra };
}

/** Terminus answers a failed readiness check with the state of every check: kept, in the problem. */
function checksOf(body: unknown): Pick<ProblemDetails, 'checks'> {
  const details =
    typeof body === 'object' && body !== null ? (body as { details?: unknown }).details : undefined;
  return typeof details === 'object' && details !== null
    ? { checks: details as Record<string, unknown> }
    : {};
}

function slug(name: string): string {
  return name.toLowerCase().replace(/_/g, '-');
}
