import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import type { HealthCheckResult } from '@nestjs/terminus';

const CHECKS: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    properties: { status: { type: 'string', enum: ['up', 'down'] } },
    additionalProperties: true,
  },
  description: 'each check by name (store: headPosition; record: facts) with its status',
};

/** Terminus's answer to a health check that passed. */
export class HealthAnswer implements HealthCheckResult {
  @ApiProperty({ enum: ['ok'] }) readonly status!: 'ok';
  @ApiProperty({ ...CHECKS, description: 'the checks that are up' })
  readonly info!: HealthCheckResult['info'];
  @ApiProperty({ ...CHECKS, description: 'the checks that are down (none when ok)' })
  readonly error!: HealthCheckResult['error'];
  @ApiProperty(CHECKS) readonly details!: HealthCheckResult['details'];
}
