import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { HistoryQueries } from '@app/history';
import type { InstrumentStatus } from '@app/projections';

@ApiTags('instruments')
@Controller('instruments/:id')
export class InstrumentsController {
  constructor(private readonly queries: HistoryQueries) {}

  @Get('status')
  @ApiOperation({ summary: 'Participants table of an instrument as of a day: signature, ratification law, deposit, in force, withdrawal' })
  @ApiQuery({ name: 'asOf', example: '2012-12-20' })
  @ApiQuery({ name: 'knownAt', required: false })
  status(@Param('id') id: string, @Query() query: Record<string, unknown>): Promise<InstrumentStatus> {
    return this.queries.instrumentStatus(id, query);
  }
}
