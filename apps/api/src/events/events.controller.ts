import { Controller, Get, Headers, type MessageEvent, Param, Query, Sse } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { map, type Observable } from 'rxjs';
import { EventStore } from '@app/event-store';
import { type AuditTrail, HistoryQueries, QueryArguments } from '@app/history';

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(
    private readonly queries: HistoryQueries,
    private readonly store: EventStore,
  ) {}

  @Sse('feed')
  @ApiOperation({ summary: 'Live feed of recorded events (server-sent events); resume with Last-Event-ID or ?after=' })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'the position of the last event received' })
  @ApiQuery({ name: 'after', required: false })
  feed(@Headers('last-event-id') lastEventId: string | undefined, @Query('after') after: string | undefined): Observable<MessageEvent> {
    const args = new QueryArguments();
    const checkpoint = args.count('Last-Event-ID', lastEventId ?? after, { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
    args.done();
    return this.store
      .subscribeToAll({ fromPosition: checkpoint === 0 ? 'start' : checkpoint })
      .pipe(map((event) => ({ id: String(event.position), data: event })));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A fact with its audit trail: recorded when, by whom, from where, and every correction or retraction' })
  audit(@Param('id') id: string): Promise<AuditTrail> {
    return this.queries.auditTrail(id);
  }
}
