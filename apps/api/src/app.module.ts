import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { EventStoreModule } from '@app/event-store';
import { AnswerCache, HistoryModule, storeConfigOf } from '@app/history';
import { ACCESS_CONFIG, AccessGuard } from './auth/access.guard';
import { accessConfigOf, type ApiEnvironment } from './config/api-environment';
import { DEFAULT_FEED_HEARTBEAT_MS, EventsController, FEED_HEARTBEAT_MS } from './events/events.controller';
import { ExportsController } from './exports/exports.controller';
import { HealthController } from './health/health.controller';
import { RecordHealth } from './health/record-health';
import { ContentNegotiation } from './http/content-negotiation';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { RequestLogger } from './http/request-logger.middleware';
import { InstrumentsController } from './instruments/instruments.controller';
import { OrganisationsController } from './organisations/organisations.controller';
import { ParticipantNamesController } from './page/participant-names.controller';
import { ParticipantsController } from './participants/participants.controller';
import { RecordingController } from './recording/recording.controller';

/**
 * The HTTP API, built from an environment that has already been validated (main.ts stops on a bad one before
 * anything is opened).
 */
@Module({})
export class AppModule implements NestModule {
  static forRoot(env: ApiEnvironment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        EventStoreModule.forRoot(storeConfigOf(env)),
        HistoryModule,
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
      ],
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
        RecordHealth,
        { provide: AnswerCache, useValue: new AnswerCache() },
        { provide: FEED_HEARTBEAT_MS, useValue: DEFAULT_FEED_HEARTBEAT_MS },
        { provide: ACCESS_CONFIG, useValue: accessConfigOf(env) },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_INTERCEPTOR, useClass: ContentNegotiation },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestLogger).forRoutes('*path');
  }
}
