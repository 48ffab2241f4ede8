import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { OpenToAll } from '../auth/access.guard';
import { RecordHealth } from './record-health';

/** Open without a token even when reads need one: orchestrators and load balancers ask these. */
@ApiTags('health')
@OpenToAll()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly checks: RecordHealth,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness (as /health/ready): the store answers and the record is loaded into the projections' })
  ready(): Promise<HealthCheckResult> {
    return this.readiness();
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: the store answers and the record is loaded into the projections; 503 otherwise' })
  readyAlias(): Promise<HealthCheckResult> {
    return this.readiness();
  }

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: the process answers HTTP (it checks nothing else, so that a slow store does not get it restarted)' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  private readiness(): Promise<HealthCheckResult> {
    return this.health.check([() => this.checks.storeAnswers(), () => this.checks.recordLoaded()]);
  }
}
