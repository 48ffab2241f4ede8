import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { FactRecorder, type RecordResult } from '@app/history';
import { type AuthenticatedRequest, Writes } from '../auth/access.guard';
import { writeFact } from '../recording/fact-writing';
import { RecordFactDto } from '../recording/record-fact.dto';

@ApiTags('deployments')
@Controller('deployments/:id')
export class DeploymentsController {
  constructor(private readonly recorder: FactRecorder) {}

  @Post('events')
  @Writes()
  @ApiBearerAuth()
  @ApiHeader({ name: 'If-Match', required: false, description: 'expected stream revision, e.g. "3", or *' })
  @ApiOperation({ summary: 'Record a new fact in the deployment stream' })
  record(
    @Param('id') id: string,
    @Body() body: RecordFactDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RecordResult> {
    return writeFact(this.recorder, `deployment-${id}`, body, request, response);
  }
}
