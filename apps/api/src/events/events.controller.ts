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
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'the position of the last event received (the id of its message), as given' })
  @ApiQuery({ name: 'after', required: false, description: 'the same as Last-Event-ID, for clients that cannot set headers' })
  async feed(@Headers('last-event-id') lastEventId: string | undefined, @Query('after') after: string | undefined): Promise<Observable<MessageEvent>> {
    // The client hands back the last position it received, as the store gave it: positions are opaque, so the
    // feed resumes *after* it (the store's checkpoint semantics) and never computes one. None: from the start.
    const given = lastEventId ?? after;
    const args = new QueryArguments();
    const checkpoint = given === undefined || given === '' ? 'start' : args.count('Last-Event-ID', given, { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
    args.done();
    // A number that is no position of the store (EventStoreDB refuses one inside a record) is answered 400 here,
    // before the stream starts, rather than ending the stream at once.
    if (checkpoint !== 'start') for await (const _event of this.store.readAll({ fromPosition: checkpoint, maxCount: 1 })) break;
    return this.store
      .subscribeToAll({ fromPosition: checkpoint })
      .pipe(map((event) => ({ id: String(event.position), data: event })));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A fact with its audit trail: recorded when, by whom, from where, and every correction or retraction' })
  audit(@Param('id') id: string): Promise<AuditTrail> {
    return this.queries.auditTrail(id);
  }
}
