import { Controller, Get } from '@nestjs/common';
import { EventStore } from '@app/event-store';
import { LiveRecord, type RecordStatus } from '@app/history';

@Controller('health')
export class HealthController {
  constructor(
    private readonly store: EventStore,
    private readonly record: LiveRecord,
  ) {}

  /**
   * Up when the store answers; reports how far the log goes and how the queries' record follows it (an
   * `interrupted` record resumes from its checkpoint at the next query).
   */
  @Get()
  async health(): Promise<{ status: 'ok'; headPosition: number | null; record: RecordStatus }> {
    return { status: 'ok', headPosition: await this.store.headPosition(), record: this.record.status() };
  }
}
