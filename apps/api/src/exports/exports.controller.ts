import { Controller, Get, HttpStatus, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { COW_CODEBOOK, Exports, RecordedTimeQuery, STATE_YEAR_COLUMNS, StateYearQuery } from '@app/history';
import { StateYearCodebookAnswer } from '../answers/codebook.answer';
import { Reads, Streams } from '../docs/responses';

/** The analytics feeds, streamed to the client line by line rather than built in memory. */
@ApiTags('exports')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: Exports) {}

  @Get('events.ndjson')
  @ApiOperation({ summary: 'Every recorded event, one JSON object per line, in the order of recording' })
  @Streams(
    'application/x-ndjson',
    'one stored event per line: id, streamId, revision, position, recordedAt, type, data, metadata',
  )
  events(@Res() response: Response): Promise<void> {
    return send(response, 'application/x-ndjson', 'events.ndjson', this.exports.eventsNdjson());
  }

  @Get('membership-spells.csv')
  @ApiOperation({
    summary:
      'Membership and party spells (participant, organisation, instrument, status, body, from, to, basis, eventIds) as CSV',
  })
  @Streams('text/csv', 'RFC 4180 CSV with a header row')
  spells(@Query() query: RecordedTimeQuery, @Res() response: Response): Promise<void> {
    return send(
      response,
      'text/csv; charset=utf-8',
      'membership-spells.csv',
      this.exports.membershipSpellsCsv(query),
    );
  }

  @Get('state-year.codebook.json')
  @ApiOperation({
    summary:
      "The state-year panel's codebook: its columns, its codes and the rule behind each (also in the README)",
  })
  @Reads(StateYearCodebookAnswer)
  codebook(): StateYearCodebookAnswer {
    return {
      referenceDay: '31 December of the year coded',
      columns: STATE_YEAR_COLUMNS,
      codes: COW_CODEBOOK,
    };
  }

  @Get('state-year.csv')
  @ApiOperation({
    summary:
      'State-year panel in the manner of the Correlates of War IGO data set; its codebook is at /exports/state-year.codebook.json and in the README',
  })
  @Streams('text/csv', 'RFC 4180 CSV with a header row', HttpStatus.NOT_FOUND)
  stateYear(@Query() query: StateYearQuery, @Res() response: Response): Promise<void> {
    return send(response, 'text/csv; charset=utf-8', 'state-year.csv', this.exports.stateYearCsv(query));
  }
}

async function send(
  response: Response,
  type: string,
  filename: string,
  lines: AsyncIterable<string>,
): Promise<void> {
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
