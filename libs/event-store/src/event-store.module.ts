import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { EventStore } from './event-store';
import { openEventStore } from './open-event-store';
import type { StoreConfig } from './store-config';

/** Provides the configured adapter under the `EventStore` token, and closes it when the application stops. */
@Global()
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  static forRoot(config: StoreConfig): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [{ provide: EventStore, useFactory: () => openEventStore(config) }],
      exports: [EventStore],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
