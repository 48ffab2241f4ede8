import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { EventStoreModule } from '@app/event-store';
import { HistoryModule } from '@app/history';
import { ACCESS_CONFIG, AccessGuard } from './auth/access.guard';
import { accessConfigFrom } from './auth/tokens';
import { EventsController } from './events/events.controller';
import { ExportsController } from './exports/exports.controller';
import { HealthController } from './health/health.controller';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { RequestLogger } from './http/request-logger.middleware';
import { InstrumentsController } from './instruments/instruments.controller';
import { OrganisationsController } from './organisations/organisations.controller';
import { ParticipantNamesController } from './page/participant-names.controller';
import { ParticipantsController } from './participants/participants.controller';
import { RecordingController } from './recording/recording.controller';

@Module({
  imports: [EventStoreModule.forRoot(), HistoryModule],
  controllers: [
    HealthController,
    OrganisationsController,
    InstrumentsController,
    RecordingController,
    ParticipantsController,
    ParticipantNamesController,
    EventsController,
    ExportsController,
  ],
  providers: [
    { provide: ACCESS_CONFIG, useFactory: () => accessConfigFrom(process.env) },
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
  ],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestLogger).forRoutes('*path');
  }
}
