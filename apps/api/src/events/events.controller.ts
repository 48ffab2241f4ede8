import { Controller, Get, Headers, HttpStatus, Inject, type MessageEvent, Param, Query, Sse } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { interval, map, merge, type Observable } from 'rxjs';
import { EventStore } from '@app/event-store';
import { type AuditTrail, countOf, FeedQuery, FeedResumption, HistoryQueries, validateQuery } from '@app/history';
import { AuditTrailAnswer } from '../answers/record.answer';
import { Reads, Streams } from '../docs/responses';
import { CachedAnswer } from '../http/cached-answers';

/** How often the feed sends a comment line when nothing happens, so that proxies keep an idle connection open. */
export const FEED_HEARTBEAT_MS = Symbol('FEED_HEARTBEAT_MS');
export const DEFAULT_FEED_HEARTBEAT_MS = 15_000;

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(
    private readonly queries: HistoryQueries,
    private readonly store: EventStore,
    @Inject(FEED_HEARTBEAT_MS) private readonly heartbeatMs: number,
  ) {}

  @Sse('feed')
  @ApiOperation({
    summary: 'Live feed of recorded events (server-sent events): each with its position as id and its wire name as event',
    description: `Resume with the Last-Event-ID header or ?after=<position>. A comment line is sent every ${DEFAULT_FEED_HEARTBEAT_MS / 1000} s while nothing is recorded.`,
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'the position of the last event received (the id of its message), as given; wins over ?after=' })
  @Streams('text/event-stream', 'server-sent events: "event: <wire name>", "id: <position>", "data: <the stored event as JSON>"')
  async feed(@Headers('last-event-id') lastEventId: string | undefined, @Query() query: FeedQuery): Promise<Observable<MessageEvent>> {
    // The client hands back the last position it received, as the store gave it: positions are opaque, so the
    // feed resumes *after* it (the store's checkpoint semantics) and never computes one. None: from the start.
    // Each way of giving it is checked under its own name, so that an error names the one that is wrong.
    const given = lastEventId === undefined ? query.after : validateQuery(FeedResumption, { 'Last-Event-ID': lastEventId })['Last-Event-ID'];
    const checkpoint = given === undefined || given === '' ? 'start' : countOf(given, 0);
    // A number that is no position of the store (EventStoreDB refuses one inside a record) is answered 400 here,
    // before the stream starts, rather than ending the stream at once.
    if (checkpoint !== 'start') for await (const _event of this.store.readAll({ fromPosition: checkpoint, maxCount: 1 })) break;
    const events = this.store
      .subscribeToAll({ fromPosition: checkpoint })
      .pipe(map((event): MessageEvent => ({ id: String(event.position), type: event.type, data: event })));
    const heartbeats = interval(this.heartbeatMs).pipe(map((): MessageEvent => ({ comment: 'heartbeat' })));
    return merge(events, heartbeats);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A fact with its audit trail: recorded when, by whom, from where, and every correction or retraction' })
  @Reads(AuditTrailAnswer, HttpStatus.NOT_FOUND)
  @CachedAnswer()
  audit(@Param('id') id: string): Promise<AuditTrail> {
    return this.queries.auditTrail(id);
  }
}
