import { Module } from '@nestjs/common';
import { EventStoreModule } from '@app/event-store';
import { HealthController } from './health/health.controller';

@Module({
  imports: [EventStoreModule.forRoot()],
  controllers: [HealthController],
})
export class AppModule {}
