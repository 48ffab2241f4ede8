import { Controller, Get, HttpStatus, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DayQuery,
  HistoryQueries,
  type OrganisationEntry,
  OrganisationPath,
  RecordedTimeQuery,
  type TimelinePage,
  TimelineQuery,
} from '@app/history';
import type { OrganisationHistory, OrganisationState } from '@app/projections';
import { OrganisationHistoryAnswer, OrganisationsAnswer } from '../answers/history.answer';
import { OrganisationStateAnswer } from '../answers/organisation-state.answer';
import { TimelinePageAnswer } from '../answers/record.answer';
import { Reads } from '../docs/responses';
import { CachedAnswer } from '../http/cached-answers';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly queries: HistoryQueries) {}

  @Get()
  @ApiOperation({ summary: 'The organisations the record holds a founding fact for' })
  @Reads(OrganisationsAnswer)
  @CachedAnswer()
  list(@Query() query: RecordedTimeQuery): Promise<{ organisations: OrganisationEntry[] }> {
    return this.queries.organisations(query);
  }

  @Get(':org/state')
  @ApiOperation({
    summary:
      'The organisation as of a day: members, signatories, observers, partners, instruments, deployments',
  })
  @Reads(OrganisationStateAnswer, HttpStatus.NOT_FOUND)
  @CachedAnswer()
  state(@Param() { org }: OrganisationPath, @Query() query: DayQuery): Promise<OrganisationState> {
    return this.queries.organisationState({ ...query, org });
  }

  @Get(':org/history')
  @ApiOperation({
    summary:
      'The whole history at a glance: every participant with its spells, the instruments’ entry into force, the deployments’ phases',
  })
  @Reads(OrganisationHistoryAnswer, HttpStatus.NOT_FOUND)
  @CachedAnswer()
  history(
    @Param() { org }: OrganisationPath,
    @Query() query: RecordedTimeQuery,
  ): Promise<OrganisationHistory> {
    return this.queries.organisationHistory({ ...query, org });
  }

  @Get(':org/timeline')
  @ApiOperation({
    summary: 'Facts about the organisation, its instruments and deployments, in effective-date order',
  })
  @Reads(TimelinePageAnswer, HttpStatus.NOT_FOUND)
  @CachedAnswer()
  timeline(@Param() { org }: OrganisationPath, @Query() query: TimelineQuery): Promise<TimelinePage> {
    return this.queries.timeline({ ...query, org });
  }
}
