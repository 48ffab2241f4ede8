import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ProblemDetails } from '../http/problem-details.filter';

export class FieldProblemAnswer {
  @ApiProperty({ example: 'asOf' }) readonly path!: string;
  @ApiProperty({ example: '"2023-02-30" is not a calendar date: February 2023 has 28 days' })
  readonly reason!: string;
}

/** RFC 9457 problem details, served as application/problem+json. */
export class ProblemAnswer implements ProblemDetails {
  @ApiProperty({ example: '/problems/invalid-input' }) readonly type!: string;
  @ApiProperty({ example: 'The input is not valid' }) readonly title!: string;
  @ApiProperty({ type: 'integer', example: 400 }) readonly status!: number;
  @ApiProperty() readonly detail!: string;
  @ApiProperty({ description: 'the path and query asked' }) readonly instance!: string;
  @ApiPropertyOptional({ description: 'a stable code: the invariant broken, INVALID_EVENT, NOT_FOUND, …' })
  readonly code?: string;
  @ApiPropertyOptional({ type: [FieldProblemAnswer], description: 'every field that is wrong, at once' })
  readonly errors?: readonly FieldProblemAnswer[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'a failed health check: each check and what it found',
  })
  readonly checks?: Readonly<Record<string, unknown>>;
}
