import * as crypto from 'node:crypto';

/** The previous hash of the first chained event: no event comes before it. */
export const GENESIS = '0'.repeat(64);

/**
 * How an event's hash text is laid out. Each stored hash says which encoding it was taken over (a column of the
 * embedded store, a metadata key on EventStoreDB), so that events hashed by an earlier build still verify:
 * - 1: a JSON array of the fields. JSON.stringify escapes the data and metadata a second time, which cost more
 *   than the SHA-256 itself on an append.
 * - 2: a tag naming the chain and the encoding, then each field as its UTF-8 byte length, a colon and the field's
 *   text: no field can run into the next whatever it holds, nothing is escaped, and the tag keeps a version-2
 *   text from ever reading as a version-1 one.
 * Both are SHA-256: with the CPU's SHA instructions it is the fastest digest Node offers here (faster than
 * SHA-512/256 or BLAKE2), and the text, not the digest, was the cost.
 */
export type ChainEncoding = 1 | 2;

/** The encoding new events are hashed with. */
export const CHAIN_ENCODING: ChainEncoding = 2;

export function isChainEncoding(value: unknown): value is ChainEncoding {
  return value === 1 || value === 2;
}

/** An event's fields as the store holds them: data and metadata as their stored JSON text. */
export interface ChainedFields {
  readonly position: number;
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recordedAt: string;
}

/**
 * The hash that links an event to the one recorded before it: SHA-256 over the previous hash and every field
 * of the event, its place in the log included, so that editing, removing, moving or inserting a row changes
 * the hash of every event after it.
 */
export function chainHash(previous: string, event: ChainedFields, encoding: ChainEncoding): string {
  if (encoding === 1) {
    return sha256Hex(JSON.stringify([previous, event.position, event.streamId, event.revision, event.type, event.data, event.metadata, event.recordedAt]));
  }
  return sha256Hex(
    `annals-chain/2\n${previous}\n${event.position}\n${event.revision}\n${field(event.streamId)}${field(event.type)}${field(event.data)}${field(event.metadata)}${field(event.recordedAt)}`,
  );
}

/** What a stream's own chain covers: what is known before the server writes the event (see stream-chain.ts). */
export interface StreamChainedFields {
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

/** The hash that links an event to the one before it in its stream, in the same two encodings as `chainHash`. */
export function streamChainHash(previous: string, event: StreamChainedFields, encoding: ChainEncoding): string {
  if (encoding === 1) {
    return sha256Hex(JSON.stringify([previous, event.streamId, event.revision, event.type, event.data, event.metadata]));
  }
  return sha256Hex(`annals-stream-chain/2\n${previous}\n${event.revision}\n${field(event.streamId)}${field(event.type)}${field(event.data)}${field(event.metadata)}`);
}

/** A text field of an encoding-2 hash text: its length in UTF-8 bytes (what is hashed), a colon, the text. */
function field(text: string): string {
  return `${Buffer.byteLength(text)}:${text}`;
}

/**
 * `crypto.hash` (Node 20.12 on) hashes a string in one native call; `createHash` makes a Hash object per event,
 * which on an append cost more than the SHA-256 itself. Both give the same digest; older Nodes take the long way.
 */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

const HASH = /^[0-9a-f]{64}$/;

export function isChainHash(value: string): boolean {
  return typeof value === 'string' && HASH.test(value);
}
