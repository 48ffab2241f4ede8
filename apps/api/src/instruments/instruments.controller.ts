import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { FactRecorder, HistoryQueries, type RecordResult } from '@app/history';
import type { InstrumentStatus } from '@app/projections';
import { type AuthenticatedRequest, Writes } from '../auth/access.guard';
import { writeFact } from '../recording/fact-writing';
import { RecordFactDto } from '../recording/record-fact.dto';

@ApiTags('instruments')
@Controller('instruments/:id')
export class InstrumentsController {
  constructor(
    private readonly queries: HistoryQueries,
    private readonly recorder: FactRecorder,
  ) {}

  @Get('status')
  @ApiOperation({ summary: 'Participants table of an instrument as of a day: signature, ratification law, deposit, in force, withdrawal' })
  @ApiQuery({ name: 'asOf', example: '2012-12-20' })
  @ApiQuery({ name: 'knownAt', required: false })
  status(@Param('id') id: string, @Query() query: Record<string, unknown>): Promise<InstrumentStatus> {
    return this.queries.instrumentStatus(id, query);
  }

  @Post('events')
  @Writes()
  @ApiBearerAuth()
  @ApiHeader({ name: 'If-Match', required: false, description: 'expected stream revision, e.g. "12", or *' })
  @ApiOperation({ summary: 'Record a new fact in the instrument stream' })
  record(
    @Param('id') id: string,
    @Body() body: RecordFactDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RecordResult> {
    return writeFact(this.recorder, `instrument-${id}`, body, request, response);
  }
}
