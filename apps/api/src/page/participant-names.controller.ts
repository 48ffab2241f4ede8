import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ParticipantNamesAnswer } from '../answers/history.answer';
import { Reads } from '../docs/responses';
import { PARTICIPANT_NAMES, type ParticipantName } from './participant-names';

@ApiTags('participants')
@Controller('participant-names')
export class ParticipantNamesController {
  @Get()
  @ApiOperation({
    summary:
      'Names for the identifiers the record uses: every ISO 3166-1 alpha-3 state code, and the bodies the chronology names by slug',
  })
  @Reads(ParticipantNamesAnswer)
  names(): { participants: readonly ParticipantName[] } {
    return { participants: PARTICIPANT_NAMES };
  }
}
