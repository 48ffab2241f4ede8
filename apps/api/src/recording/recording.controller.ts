import { Body, Controller, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { FactRecorder, type RecordResult } from '@app/history';
import { type AuthenticatedRequest, Writes } from '../auth/access.guard';
import { writeFact } from './fact-writing';
import { RecordFactDto } from './record-fact.dto';

/** The collection in the URL → the category of the stream its facts go to (`instrument-cst-1992`). */
const STREAM_CATEGORIES: Readonly<Record<string, string>> = { organisations: 'organisation', instruments: 'instrument', deployments: 'deployment' };

@ApiTags('recording')
@Controller()
export class RecordingController {
  constructor(private readonly recorder: FactRecorder) {}

  @Post(':collection/:id/events')
  @Writes()
  @ApiBearerAuth()
  @ApiParam({ name: 'collection', enum: Object.keys(STREAM_CATEGORIES) })
  @ApiParam({ name: 'id', example: 'peacekeeping-agreement-2007' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'expected stream revision, e.g. "12", or *' })
  @ApiOperation({ summary: 'Record a new fact in the stream of an organisation, instrument or deployment' })
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
