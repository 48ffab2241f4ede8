import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { firstValueFrom, filter, type Subscription, Subject } from 'rxjs';
import { isRecordKeepingEvent } from '@app/domain';
import { EventStore } from '@app/event-store';
import { TemporalIndex } from '@app/projections';
import { NotFound } from '../not-found';
import { type StoredFact, toStoredFact } from '../stored-facts';

/**
 * The record as the queries see it: the temporal index the projections answer from (which also holds every fact by
 * id), and the corrections that name each fact (for audit trails). It is filled by replaying the log a page at a
 * time (at the first query, and on `rebuild`), then kept live by a catch-up subscription from where the replay
 * ended. Queries first wait until it has caught up with what the store held when they were asked, so a reader
 * always sees its own writes.
 */
@Injectable()
export class LiveRecord implements OnApplicationShutdown {
  private index = new TemporalIndex<StoredFact>();
  private readonly supersessions = new Map<string, string[]>();
  private checkpoint = 0;
  /** When the first fact was recorded: the store's recorded time never goes backwards, so it is the earliest. */
  private firstRecordedAt: string | undefined;
  /** The replay, then the subscription; unset until the first query, and again after a failure. */
  private following: Promise<void> | undefined;
  private subscription: Subscription | undefined;
  /** Set on shutdown: a replay still running stops at its next page and does not subscribe. */
  private closed = false;
  private readonly applied = new Subject<number>();

  constructor(private readonly store: EventStore) {}

  /** The index, once it holds everything the store held at the time of the call. */
  async current(): Promise<TemporalIndex> {
    await this.follow();
    if (this.closed) throw new Error('the record is closed: the application is shutting down');
    const head = (await this.store.headPosition()) ?? 0;
    if (this.checkpoint < head) await firstValueFrom(this.applied.pipe(filter((position) => position >= head)));
    return this.index;
  }

  /** A recorded fact and the ids of the corrections and retractions that name it, in recorded order. */
  async fact(id: string): Promise<{ fact: StoredFact; supersededBy: StoredFact[] } | undefined> {
    await this.current();
    const fact = this.index.fact(id);
    if (!fact) return undefined;
    const supersededBy = (this.supersessions.get(id) ?? []).flatMap((other) => this.index.fact(other) ?? []);
    return { fact, supersededBy };
  }

  /**
   * Why nothing was found under a name: the record is empty, or held nothing yet at `knownAt`, or else it simply
   * has no such subject. Call it after `current()`.
   */
  notFound(what: string, id: string, knownAt: string | null): NotFound {
    if (this.firstRecordedAt === undefined) return NotFound.emptyRecord();
    if (knownAt !== null && knownAt < this.firstRecordedAt) return NotFound.nothingRecordedAt(knownAt, this.firstRecordedAt);
    return NotFound.subject(what, id);
  }

  /** Drops everything and folds the whole log again from position 0, reporting progress as it goes. */
  async rebuild(onProgress?: (done: number, total: number) => void): Promise<{ events: number; milliseconds: number }> {
    await this.following?.catch(() => undefined);
    this.stop();
    this.index = new TemporalIndex();
    this.supersessions.clear();
    this.checkpoint = 0;
    this.firstRecordedAt = undefined;
    const started = process.hrtime.bigint();
    await this.follow(onProgress);
    return { events: this.index.size, milliseconds: Number(process.hrtime.bigint() - started) / 1e6 };
  }

  onApplicationShutdown(): void {
    this.closed = true;
    this.stop();
    this.applied.complete();
  }

  private follow(onProgress?: (done: number, total: number) => void): Promise<void> {
    this.following ??= this.replay(onProgress).then(
      () => this.subscribe(),
      (error: unknown) => {
        this.following = undefined;
        throw error;
      },
    );
    return this.following;
  }

  /** Reads the log after the checkpoint in large pages: a replay pays one `await` per page, not per event. */
  private async replay(onProgress?: (done: number, total: number) => void): Promise<void> {
    const total = (await this.store.headPosition()) ?? 0;
    for await (const page of this.store.readAllPages(this.checkpoint === 0 ? {} : { fromPosition: this.checkpoint + 1 })) {
      if (this.closed) return;
      for (const recorded of page) this.apply(toStoredFact(recorded));
      onProgress?.(this.checkpoint, total);
      this.applied.next(this.checkpoint);
    }
    onProgress?.(Math.max(total, this.checkpoint), Math.max(total, this.checkpoint));
  }

  private subscribe(): void {
    if (this.closed) return;
    this.subscription ??= this.store.subscribeToAll({ fromPosition: this.checkpoint === 0 ? 'start' : this.checkpoint }).subscribe({
      next: (recorded) => {
        this.apply(toStoredFact(recorded));
        this.applied.next(this.checkpoint);
      },
      error: (error: unknown) => {
        this.applied.error(error);
      },
    });
  }

  private stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.following = undefined;
  }

  private apply(fact: StoredFact): void {
    this.index.apply(fact);
    this.firstRecordedAt ??= fact.recordedAt;
    if (isRecordKeepingEvent(fact.event)) {
      this.supersessions.set(fact.event.supersedes, [...(this.supersessions.get(fact.event.supersedes) ?? []), fact.id]);
    }
    this.checkpoint = fact.position;
  }
}
