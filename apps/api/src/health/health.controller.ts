import { Controller, Get } from '@nestjs/common';
import { EventStore } from '@app/event-store';

@Controller('health')
export class HealthController {
  constructor(private readonly store: EventStore) {}

  /** Up when the store answers; reports how far the log goes. */
  @Get()
  async health(): Promise<{ status: 'ok'; headPosition: number | null }> {
    return { status: 'ok', headPosition: await this.store.headPosition() };
  }
}
