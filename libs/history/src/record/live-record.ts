import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { firstValueFrom, filter, type Subscription, Subject } from 'rxjs';
import { isRecordKeepingEvent } from '@app/domain';
import { EventStore } from '@app/event-store';
import { TemporalIndex } from '@app/projections';
import { type StoredFact, toStoredFact } from '../stored-facts';

/**
 * The record as the queries see it, kept live by one catch-up subscription to the store: the temporal index the
 * projections answer from, and every fact by id with the corrections that name it (for audit trails).
 * Rebuildable from position 0 at any time. Queries first wait until it has caught up with what the store held
 * when they were asked, so a reader always sees its own writes.
 */
@Injectable()
export class LiveRecord implements OnApplicationShutdown {
  private index = new TemporalIndex();
  private readonly facts = new Map<string, StoredFact>();
  private readonly supersessions = new Map<string, string[]>();
  private checkpoint = 0;
  private subscription: Subscription | undefined;
  private readonly applied = new Subject<number>();

  constructor(private readonly store: EventStore) {}

  /** The index, once it holds everything the store held at the time of the call. */
  async current(): Promise<TemporalIndex> {
    this.start();
    const head = (await this.store.headPosition()) ?? 0;
    if (this.checkpoint < head) await firstValueFrom(this.applied.pipe(filter((position) => position >= head)));
    return this.index;
  }

  /** A recorded fact and the ids of the corrections and retractions that name it, in recorded order. */
  async fact(id: string): Promise<{ fact: StoredFact; supersededBy: StoredFact[] } | undefined> {
    await this.current();
    const fact = this.facts.get(id);
    if (!fact) return undefined;
    const supersededBy = (this.supersessions.get(id) ?? []).flatMap((other) => this.facts.get(other) ?? []);
    return { fact, supersededBy };
  }

  /** Drops everything and folds the whole log again from position 0, reporting progress as it goes. */
  async rebuild(onProgress?: (done: number, total: number) => void): Promise<{ events: number; milliseconds: number }> {
    this.stop();
    this.index = new TemporalIndex();
    this.facts.clear();
    this.supersessions.clear();
    this.checkpoint = 0;
    const started = process.hrtime.bigint();
    const total = (await this.store.headPosition()) ?? 0;
    let events = 0;
    for await (const recorded of this.store.readAll()) {
      this.apply(toStoredFact(recorded));
      events += 1;
      if (events % 1000 === 0) onProgress?.(recorded.position, total);
    }
    onProgress?.(total, total);
    this.start();
    return { events, milliseconds: Number(process.hrtime.bigint() - started) / 1e6 };
  }

  onApplicationShutdown(): void {
    this.stop();
    this.applied.complete();
  }

  private start(): void {
    this.subscription ??= this.store.subscribeToAll({ fromPosition: this.checkpoint === 0 ? 'start' : this.checkpoint }).subscribe({
      next: (recorded) => this.apply(toStoredFact(recorded)),
      error: (error: unknown) => {
        this.applied.error(error);
      },
    });
  }

  private stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  private apply(fact: StoredFact): void {
    this.index.apply(fact);
    this.facts.set(fact.id, fact);
    if (isRecordKeepingEvent(fact.event)) {
      this.supersessions.set(fact.event.supersedes, [...(this.supersessions.get(fact.event.supersedes) ?? []), fact.id]);
    }
    this.checkpoint = fact.position;
    this.applied.next(fact.position);
  }
}
