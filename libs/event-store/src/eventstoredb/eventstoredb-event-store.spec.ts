import {
  type EventStoreDBClient,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { WrongExpectedRevision } from '../errors';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/** No EventStoreDB server runs here: these tests stand a fake client in for it and check only the translation. */
describe('EventStoreDB adapter translation (mocked EventStoreDB client)', () => {
  const id = '6f1c1a3e-9d2b-4c1e-8b7a-1d2e3f4a5b6c';

  it('turns the client wrong-expected-version error into the port error with stream, expected and actual', async () => {
    const clientError = new WrongExpectedVersionError(undefined, {
      streamName: 'organisation-csto',
      expected: NO_STREAM,
      current: BigInt(4),
    });
    const client = { appendToStream: jest.fn().mockRejectedValue(clientError) } as unknown as EventStoreDBClient;
    const store = new EventStoreDbEventStore(client);

    const failure = store.appendToStream('organisation-csto', [{ id, type: 'A', data: {} }], {
      expectedRevision: 'no_stream',
    });

    await expect(failure).rejects.toBeInstanceOf(WrongExpectedRevision);
    await expect(failure).rejects.toMatchObject({ streamId: 'organisation-csto', expected: 'no_stream', actual: 4 });
  });

  it('passes the expected revision to the client as a bigint and returns numbers', async () => {
    const appendToStream = jest
      .fn()
      .mockResolvedValue({ success: true, nextExpectedRevision: BigInt(3), position: { commit: BigInt(900), prepare: BigInt(880) } });
    const store = new EventStoreDbEventStore({ appendToStream } as unknown as EventStoreDBClient);

    const result = await store.appendToStream('organisation-csto', [{ id, type: 'A', data: { a: 1 } }], { expectedRevision: 2 });

    expect(appendToStream.mock.calls[0][2]).toEqual({ expectedRevision: BigInt(2) });
    expect(result).toEqual({ nextExpectedRevision: 3, position: 880 });
  });

  it('reads a stream the server does not know as empty', async () => {
    const readStream = jest.fn().mockReturnValue({
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new StreamNotFoundError(undefined, 'organisation-x')) }),
    });
    const store = new EventStoreDbEventStore({ readStream } as unknown as EventStoreDBClient);
    const read: unknown[] = [];
    for await (const event of store.readStream('organisation-x')) read.push(event);
    expect(read).toEqual([]);
  });

  it('rejects a malformed append before calling the client', async () => {
    const appendToStream = jest.fn();
    const store = new EventStoreDbEventStore({ appendToStream } as unknown as EventStoreDBClient);
    await expect(store.appendToStream('s', [{ id: 'nope', type: 'A', data: {} }], { expectedRevision: 'any' })).rejects.toThrow(
      /must be a UUID/,
    );
    expect(appendToStream).not.toHaveBeenCalled();
  });
});
