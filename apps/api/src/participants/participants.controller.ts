import { Controller, Get, HttpStatus, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HistoryQueries, ParticipantHistoryQuery, ParticipantPath } from '@app/history';
import type { HistorySpell } from '@app/projections';
import { ParticipantHistoryAnswer } from '../answers/history.answer';
import { Reads } from '../docs/responses';
import { CachedAnswer } from '../http/cached-answers';

@ApiTags('participants')
@Controller('participants/:id')
export class ParticipantsController {
  constructor(private readonly queries: HistoryQueries) {}

  @Get('history')
  @ApiOperation({
    summary:
      "A participant's history as spells: signatory, party, member, suspended, frozen, observer, partner",
    description:
      'A three-letter code is read in any case (uzb is UZB). 404 when the record does not name the participant, or the organisation asked about.',
  })
  @Reads(ParticipantHistoryAnswer, HttpStatus.NOT_FOUND)
  @CachedAnswer()
  history(
    @Param() { id }: ParticipantPath,
    @Query() query: ParticipantHistoryQuery,
  ): Promise<{ participant: string; spells: HistorySpell[] }> {
    return this.queries.participantHistory({ ...query, id });
  }
}
