import { Body, Controller, HttpStatus, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { FactRecorder, type RecordResult } from '@app/history';
import { RecordResultAnswer } from '../answers/record.answer';
import { type AuthenticatedRequest, Writes } from '../auth/access.guard';
import { ProblemResponses } from '../docs/responses';
import { writeFact } from './fact-writing';
import { RecordFactDto } from './record-fact.dto';

/** The collection in the URL → the category of the stream its facts go to (`instrument-cst-1992`). */
export const STREAM_CATEGORIES: Readonly<Record<string, string>> = { organisations: 'organisation', instruments: 'instrument', deployments: 'deployment' };

const REVISION_HEADER = { description: 'the stream revision after the write, quoted: send it back as If-Match', schema: { type: 'string', example: '"12"' } };

@ApiTags('recording')
@Controller()
export class RecordingController {
  constructor(private readonly recorder: FactRecorder) {}

  @Post(':collection/:id/events')
  @Writes()
  @ApiBearerAuth('writer')
  @ApiParam({ name: 'collection', enum: Object.keys(STREAM_CATEGORIES) })
  @ApiParam({ name: 'id', example: 'peacekeeping-agreement-2007' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'the expected stream revision as its ETag gives it, e.g. "12", or * for a stream that exists' })
  @ApiHeader({ name: 'If-None-Match', required: false, description: '* for a stream that must not exist yet' })
  @ApiOperation({ summary: 'Record a new fact in the stream of an organisation, instrument or deployment' })
  @ApiCreatedResponse({ type: RecordResultAnswer, description: 'recorded', headers: { ETag: REVISION_HEADER, Location: { description: 'the audit trail of the fact', schema: { type: 'string' } } } })
  @ApiOkResponse({ type: RecordResultAnswer, description: 'recorded before under this id, with the same content: a retry', headers: { ETag: REVISION_HEADER } })
  @ProblemResponses(
    HttpStatus.BAD_REQUEST,
    HttpStatus.UNAUTHORIZED,
    HttpStatus.FORBIDDEN,
    HttpStatus.NOT_FOUND,
    HttpStatus.CONFLICT,
    HttpStatus.PRECONDITION_FAILED,
    HttpStatus.PAYLOAD_TOO_LARGE,
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    HttpStatus.UNPROCESSABLE_ENTITY,
  )
  record(
    @Param('collection') collection: string,
    @Param('id') id: string,
    @Body() body: RecordFactDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RecordResult> {
    const category = Object.hasOwn(STREAM_CATEGORIES, collection) ? STREAM_CATEGORIES[collection] : undefined;
    if (category === undefined) throw new NotFoundException(`facts are recorded under /${Object.keys(STREAM_CATEGORIES).join(', /')}, not /${collection.slice(0, 40)}`);
    return writeFact(this.recorder, `${category}-${id}`, body, request, response);
  }
}
