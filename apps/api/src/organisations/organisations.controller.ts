import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { HistoryQueries, type OrganisationEntry, type TimelinePage } from '@app/history';
import type { OrganisationHistory, OrganisationState } from '@app/projections';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly queries: HistoryQueries) {}

  @Get()
  @ApiOperation({ summary: 'The organisations the record holds a founding fact for' })
  @ApiQuery({ name: 'knownAt', required: false, description: 'recorded time (ISO instant): what the record said then' })
  list(@Query() query: Record<string, unknown>): Promise<{ organisations: OrganisationEntry[] }> {
    return this.queries.organisations(query);
  }

  @Get(':org/state')
  @ApiOperation({ summary: 'The organisation as of a day: members, signatories, observers, partners, instruments, deployments' })
  @ApiQuery({ name: 'asOf', example: '2012-12-20', description: 'the day (YYYY-MM-DD)' })
  @ApiQuery({ name: 'knownAt', required: false, description: 'recorded time (ISO instant): what the record said then' })
  state(@Param('org') org: string, @Query() query: Record<string, unknown>): Promise<OrganisationState> {
    return this.queries.organisationState(org, query);
  }

  @Get(':org/history')
  @ApiOperation({ summary: 'The whole history at a glance: every participant with its spells, the instruments’ entry into force, the deployments’ phases' })
  @ApiQuery({ name: 'knownAt', required: false, description: 'recorded time (ISO instant): what the record said then' })
  history(@Param('org') org: string, @Query() query: Record<string, unknown>): Promise<OrganisationHistory> {
    return this.queries.organisationHistory(org, query);
  }

  @Get(':org/timeline')
  @ApiOperation({ summary: 'Facts about the organisation, its instruments and deployments, in effective-date order' })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiQuery({ name: 'participant', required: false })
  @ApiQuery({ name: 'type', required: false, description: 'an event wire name, e.g. InstrumentSigned' })
  @ApiQuery({ name: 'instrument', required: false })
  @ApiQuery({ name: 'knownAt', required: false })
  @ApiQuery({ name: 'offset', required: false })
  @ApiQuery({ name: 'limit', required: false, description: '1–1000, default 100' })
  timeline(@Param('org') org: string, @Query() query: Record<string, unknown>): Promise<TimelinePage> {
    return this.queries.timeline(org, query);
  }
}
