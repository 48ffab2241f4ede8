import { Body, Controller, Get, HttpStatus, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { FactRecorder, type RecordResult, StreamReader, type StreamFacts } from '@app/history';
import { RecordResultAnswer, StreamFactsAnswer } from '../answers/record.answer';
import { type AuthenticatedRequest, Writes } from '../auth/access.guard';
import { ProblemResponses, Reads } from '../docs/responses';
import { writeFact } from './fact-writing';
import { RecordFactDto } from './record-fact.dto';

/** The collection in the URL → the category of the stream its facts go to (`instrument-cst-1992`). */
const STREAM_CATEGORIES: Readonly<Record<string, string>> = {
  organisations: 'organisation',
  instruments: 'instrument',
  deployments: 'deployment',
};

function streamIdOf(collection: string, id: string): string {
  const category = Object.hasOwn(STREAM_CATEGORIES, collection) ? STREAM_CATEGORIES[collection] : undefined;
  if (category === undefined)
    throw new NotFoundException(
      `facts are recorded under /${Object.keys(STREAM_CATEGORIES).join(', /')}, not /${collection.slice(0, 40)}`,
    );
  return `${category}-${id}`;
}

const REVISION_HEADER = {
  description: 'the stream revision after the write, quoted: send it back as If-Match',
  schema: { type: 'string', example: '"12"' },
};

@ApiTags('recording')
@Controller()
export class RecordingController {
  constructor(
    private readonly recorder: FactRecorder,
    private readonly streams: StreamReader,
  ) {}

  @Get(':collection/:id/events')
  @ApiParam({ name: 'collection', enum: Object.keys(STREAM_CATEGORIES) })
  @ApiParam({ name: 'id', example: 'peacekeeping-agreement-2007' })
  @ApiOperation({
    summary:
      "A stream's facts in order, with its revision as the ETag: send it back as If-Match to write after it (HEAD gives the ETag alone)",
  })
  @ApiOkResponse({
    type: StreamFactsAnswer,
    headers: {
      ETag: { description: "the stream's revision, quoted", schema: { type: 'string', example: '"12"' } },
    },
  })
  @Reads(StreamFactsAnswer, HttpStatus.NOT_FOUND)
  async stream(
    @Param('collection') collection: string,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamFacts> {
    const stream = await this.streams.read(streamIdOf(collection, id));
    response.setHeader('ETag', `"${stream.revision}"`);
    return stream;
  }

  @Post(':collection/:id/events')
  @Writes()
  @ApiBearerAuth('writer')
  @ApiParam({ name: 'collection', enum: Object.keys(STREAM_CATEGORIES) })
  @ApiParam({ name: 'id', example: 'peacekeeping-agreement-2007' })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description:
      'the expected stream revision as its ETag gives it, e.g. "12", or * for a stream that exists',
  })
  @ApiHeader({
    name: 'If-None-Match',
    required: false,
    description: '* for a stream that must not exist yet',
  })
  @ApiOperation({ summary: 'Record a new fact in the stream of an organisation, instrument or deployment' })
  @ApiCreatedResponse({
    type: RecordResultAnswer,
    description: 'recorded',
    headers: {
      ETag: REVISION_HEADER,
      Location: { description: 'the audit trail of the fact', schema: { type: 'string' } },
    },
  })
  @ApiOkResponse({
    type: RecordResultAnswer,
    description: 'recorded before under this id, with the same content: a retry',
    headers: { ETag: REVISION_HEADER },
  })
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
    HttpStatus.NOT_ACCEPTABLE,
  )
  record(
    @Param('collection') collection: string,
    @Param('id') id: string,
    @Body() body: RecordFactDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RecordResult> {
    return writeFact(this.recorder, streamIdOf(collection, id), body, request, response);
  }
}
