import { Controller, Get, HttpStatus, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DayQuery, HistoryQueries, InstrumentPath } from '@app/history';
import type { InstrumentStatus } from '@app/projections';
import { InstrumentStatusAnswer } from '../answers/instrument-status.answer';
import { Reads } from '../docs/responses';
import { CachedAnswer } from '../http/cached-answers';

@ApiTags('instruments')
@Controller('instruments/:id')
export class InstrumentsController {
  constructor(private readonly queries: HistoryQueries) {}

  @Get('status')
  @ApiOperation({
    summary:
      'Participants table of an instrument as of a day: signature, ratification law, deposit, in force, withdrawal',
  })
  @Reads(InstrumentStatusAnswer, HttpStatus.NOT_FOUND)
  @CachedAnswer()
  status(@Param() { id }: InstrumentPath, @Query() query: DayQuery): Promise<InstrumentStatus> {
    return this.queries.instrumentStatus({ ...query, id });
  }
}
