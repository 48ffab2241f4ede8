import { BadRequestException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type { ExpectedRevision } from '@app/event-store';
import type { FactRecorder, RecordResult } from '@app/history';
import type { AuthenticatedRequest } from '../auth/access.guard';
import type { RecordFactDto } from './record-fact.dto';

/**
 * `If-Match: "<revision>"` expects that revision, `If-Match: *` a stream that exists, `If-None-Match: *` a stream
 * that does not; no header, any (the service then decides against the stream as it is).
 */
export function expectedRevisionOf(request: AuthenticatedRequest): ExpectedRevision {
  const ifMatch = request.header('if-match')?.trim();
  const ifNoneMatch = request.header('if-none-match')?.trim();
  if (ifMatch !== undefined && ifNoneMatch !== undefined)
    throw new BadRequestException('If-Match and If-None-Match: send one, not both');
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch === '*') return 'no_stream';
    throw new BadRequestException('If-None-Match: only * is meaningful here (the stream must not exist yet)');
  }
  if (ifMatch === undefined) return 'any';
  if (ifMatch === '*') return 'stream_exists';
  const revision = /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch)?.[1];
  if (revision === undefined)
    throw new BadRequestException(
      `If-Match: must be a stream revision such as "4", or *, got ${ifMatch.slice(0, 40)}`,
    );
  return Number(revision);
}

/** Records a fact posted to a stream, with the writer and the request in its metadata, and shapes the answer. */
export async function writeFact(
  recorder: FactRecorder,
  streamId: string,
  body: RecordFactDto,
  request: AuthenticatedRequest,
  response: Response,
): Promise<RecordResult> {
  const requestId = request.header('x-request-id') ?? randomUUID();
  const result = await recorder.record({
    streamId,
    event: body.event,
    ...(body.id ? { id: body.id } : {}),
    expectedRevision: expectedRevisionOf(request),
    provenance: {
      recordedBy: request.principal ?? 'unknown',
      correlationId: request.header('x-correlation-id') ?? requestId,
      ...(request.header('x-causation-id') ? { causationId: request.header('x-causation-id') } : {}),
      request: { id: requestId, method: request.method, path: request.originalUrl },
    },
  });
  response
    .status(result.created ? 201 : 200)
    .setHeader('ETag', `"${result.revision}"`)
    .setHeader('Location', `/events/${result.id}`);
  return result;
}
