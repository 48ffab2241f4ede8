import { Controller, Get, Headers, HttpStatus, type MessageEvent, Param, Query, Sse } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { map, type Observable } from 'rxjs';
import { EventStore } from '@app/event-store';
import { type AuditTrail, countOf, FeedQuery, FeedResumption, HistoryQueries, validateQuery } from '@app/history';
import { AuditTrailAnswer } from '../answers/record.answer';
import { Reads, Streams } from '../docs/responses';

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(
    private readonly queries: HistoryQueries,
    private readonly store: EventStore,
  ) {}

  @Sse('feed')
  @ApiOperation({ summary: 'Live feed of recorded events (server-sent events); resume with Last-Event-ID or ?after=' })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'the position of the last event received (the id of its message), as given; wins over ?after=' })
  @Streams('text/event-stream', 'server-sent events: "id: <position>", "data: <the stored event as JSON>"')
  async feed(@Headers('last-event-id') lastEventId: string | undefined, @Query() query: FeedQuery): Promise<Observable<MessageEvent>> {
    // The client hands back the last position it received, as the store gave it: positions are opaque, so the
    // feed resumes *after* it (the store's checkpoint semantics) and never computes one. None: from the start.
    // Each way of giving it is checked under its own name, so that an error names the one that is wrong.
    const given = lastEventId === undefined ? query.after : validateQuery(FeedResumption, { 'Last-Event-ID': lastEventId })['Last-Event-ID'];
    const checkpoint = given === undefined || given === '' ? 'start' : countOf(given, 0);
    // A number that is no position of the store (EventStoreDB refuses one inside a record) is answered 400 here,
    // before the stream starts, rather than ending the stream at once.
    if (checkpoint !== 'start') for await (const _event of this.store.readAll({ fromPosition: checkpoint, maxCount: 1 })) break;
    return this.store.subscribeToAll({ fromPosition: checkpoint }).pipe(map((event) => ({ id: String(event.position), data: event })));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A fact with its audit trail: recorded when, by whom, from where, and every correction or retraction' })
  @Reads(AuditTrailAnswer, HttpStatus.NOT_FOUND)
  audit(@Param('id') id: string): Promise<AuditTrail> {
    return this.queries.auditTrail(id);
  }
}
