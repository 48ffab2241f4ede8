import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { HistoryQueries } from '@app/history';
import type { HistorySpell } from '@app/projections';

@ApiTags('participants')
@Controller('participants/:id')
export class ParticipantsController {
  constructor(private readonly queries: HistoryQueries) {}

  @Get('history')
  @ApiOperation({ summary: "A participant's history as spells: signatory, party, member, suspended, frozen, observer, partner" })
  @ApiQuery({ name: 'org', required: false })
  @ApiQuery({ name: 'knownAt', required: false })
  history(@Param('id') id: string, @Query() query: Record<string, unknown>): Promise<{ participant: string; spells: HistorySpell[] }> {
    return this.queries.participantHistory(id, query);
  }
}
