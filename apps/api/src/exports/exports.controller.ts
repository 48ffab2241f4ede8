import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Exports } from '@app/history';

/** The analytics feeds, streamed to the client line by line rather than built in memory. */
@ApiTags('exports')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: Exports) {}

  @Get('events.ndjson')
  @ApiOperation({ summary: 'Every recorded event, one JSON object per line, in the order of recording' })
  events(@Res() response: Response): Promise<void> {
    return send(response, 'application/x-ndjson', 'events.ndjson', this.exports.eventsNdjson());
  }

  @Get('membership-spells.csv')
  @ApiOperation({ summary: 'Membership and party spells (participant, subject, status, from, to, …) as CSV' })
  @ApiQuery({ name: 'knownAt', required: false })
  spells(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    return send(response, 'text/csv; charset=utf-8', 'membership-spells.csv', this.exports.membershipSpellsCsv(query));
  }

  @Get('state-year.csv')
  @ApiOperation({ summary: 'State-year panel in the manner of the Correlates of War IGO data set (coding in the README)' })
  @ApiQuery({ name: 'organisation', required: false })
  @ApiQuery({ name: 'knownAt', required: false })
  stateYear(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    return send(response, 'text/csv; charset=utf-8', 'state-year.csv', this.exports.stateYearCsv(query));
  }
}

async function send(response: Response, type: string, filename: string, lines: AsyncIterable<string>): Promise<void> {
  const iterator = lines[Symbol.asyncIterator]();
  // A bad argument surfaces on the first read: it is answered as a problem before any byte is sent.
  const first = await iterator.next();
  response.status(200).type(type).setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  if (first.done) {
    response.end();
    return;
  }
  response.write(first.value);
  await pipeline(Readable.from({ [Symbol.asyncIterator]: () => iterator }), response);
}
