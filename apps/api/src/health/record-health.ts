import { Injectable } from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { EventStore } from '@app/event-store';
import { LiveRecord } from '@app/history';

/** How long a readiness check waits for the store or the record before it calls them down. */
export const READINESS_TIMEOUT_MS = 5_000;

/** The checks readiness runs: the store answers, and the record has been read into the projections. */
@Injectable()
export class RecordHealth {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly store: EventStore,
    private readonly record: LiveRecord,
  ) {}

  /** The store answers with how far its log goes. */
  async storeAnswers(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('store');
    try {
      const headPosition = await withinTimeout(this.store.headPosition(), 'the store did not answer');
      return indicator.up({ headPosition });
    } catch (error) {
      return indicator.down({ message: messageOf(error) });
    }
  }

  /**
   * Waits (within the timeout) until the projections hold everything the store held when asked; says how the record
   * follows the store (an `interrupted` record resumes from its checkpoint).
   */
  async recordLoaded(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('record');
    try {
      const index = await withinTimeout(
        this.record.current(),
        'the record is still being read into the projections',
      );
      return indicator.up({ facts: index.size, ...this.record.status() });
    } catch (error) {
      return indicator.down({ message: messageOf(error), ...this.record.status() });
    }
  }
}

function withinTimeout<T>(promise: Promise<T>, reason: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${reason} within ${READINESS_TIMEOUT_MS} ms`)),
      READINESS_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
