import { applyDecorators, Controller, Get, HttpStatus } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthAnswer } from '../answers/health.answer';
import { OpenToAll } from '../auth/access.guard';
import { ProblemResponses } from '../docs/responses';
import { RecordHealth } from './record-health';

/** A terminus check, documented as this API documents every answer: its errors are problems. */
const Check = (): MethodDecorator =>
  applyDecorators(
    HealthCheck({ swaggerDocumentation: false }),
    ApiOkResponse({ type: HealthAnswer }),
    ProblemResponses(HttpStatus.NOT_ACCEPTABLE, HttpStatus.SERVICE_UNAVAILABLE),
  );

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
  @Check()
  @ApiOperation({
    summary: 'Readiness (as /health/ready): the store answers and the record is loaded into the projections',
  })
  ready(): Promise<HealthCheckResult> {
    return this.readiness();
  }

  @Get('ready')
  @Check()
  @ApiOperation({
    summary: 'Readiness: the store answers and the record is loaded into the projections; 503 otherwise',
  })
  readyAlias(): Promise<HealthCheckResult> {
    return this.readiness();
  }

  @Get('live')
  @Check()
  @ApiOperation({
    summary:
      'Liveness: the process answers HTTP (it checks nothing else, so that a slow store does not get it restarted)',
  })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  private readiness(): Promise<HealthCheckResult> {
    return this.health.check([() => this.checks.storeAnswers(), () => this.checks.recordLoaded()]);
  }
}
