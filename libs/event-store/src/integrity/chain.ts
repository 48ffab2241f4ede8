import { Buffer } from 'node:buffer';
import * as crypto from 'node:crypto';

/** The previous hash of the first chained event: no event comes before it. */
export const GENESIS = '0'.repeat(64);

/*
 * How a hash of the chain is laid out. Each stored hash says which encoding it was taken over (a column of the
 * embedded store, a metadata key on EventStoreDB), so that hashes taken by an earlier build still verify:
 * - 1: one hash per event, over a JSON array of the fields. JSON.stringify escapes the data and metadata a second
 *   time, which cost more than the SHA-256 itself on an append.
 * - 2: one hash per event, over a tag naming the chain and the encoding, then each field as its UTF-8 byte length,
 *   a colon and the field's text: no field can run into the next whatever it holds, nothing is escaped, and the
 *   tag keeps a version-2 text from ever reading as a version-1 one.
 * - 3: one digest per append (`AppendDigest`), which the embedded store writes: a hash per event was the largest
 *   cost of a batched append beyond SQLite's own, most of it the fixed cost of each call and each event's text.
 * All are SHA-256: with the CPU's SHA instructions it is the fastest digest Node offers here (faster than
 * SHA-512/256 or BLAKE2), and the text and the calls, not the digest, were the cost.
 */

/** The encodings that hash each event on its own. */
export type EventHashEncoding = 1 | 2;

/** The encoding the embedded store writes: one digest per append, carried by the append's last event. */
export const APPEND_DIGEST_ENCODING = 3;

/**
 * The encoding EventStoreDB's stream chain writes (see stream-chain.ts). It stays per event: there the hash rides in
 * each event's metadata, and the chain is read back stream by stream, where an append leaves no boundary to find.
 */
export const STREAM_CHAIN_ENCODING: EventHashEncoding = 2;

export function isEventHashEncoding(value: unknown): value is EventHashEncoding {
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
export function chainHash(previous: string, event: ChainedFields, encoding: EventHashEncoding): string {
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
export function streamChainHash(previous: string, event: StreamChainedFields, encoding: EventHashEncoding): string {
  if (encoding === 1) {
    return sha256Hex(JSON.stringify([previous, event.streamId, event.revision, event.type, event.data, event.metadata]));
  }
  return sha256Hex(`annals-stream-chain/2\n${previous}\n${event.revision}\n${field(event.streamId)}${field(event.type)}${field(event.data)}${field(event.metadata)}`);
}

/**
 * Encoding 3: one SHA-256 per append, since an append is one transaction and so the unit that is committed or
 * not. It covers the tag `annals-chain/3`, a line break, the digest (or hash) of the append before it and a line
 * break, then for each event of the append in position order the text encoding 2 has after the previous hash: the
 * position and the revision each on a line of its own, then the stream, type, data, metadata and recorded time
 * each as its UTF-8 byte length, a colon and the text. Every event's own stream and recorded time are hashed,
 * although an append writes one of each, so that editing them in one row still shows. Fed event by event, so
 * that no text of the whole append is built; the text up to an event's end always parses back to the same
 * events, so that no run of events can pass for another.
 */
export class AppendDigest {
  private readonly sha = crypto.createHash('sha256');
  // Length-prefixed stream and recorded time, kept while they stay the same string: an append writes one of each.
  private streamId: string | undefined;
  private streamField = '';
  private recordedAt: string | undefined;
  private recordedAtField = '';

  constructor(previous: string) {
    this.sha.update(`annals-chain/3\n${previous}\n`);
  }

  /** Positional rather than a `ChainedFields`, so that writing an event makes no object only to hash it. */
  add(position: number, streamId: string, revision: number, type: string, data: string, metadata: string, recordedAt: string): void {
    if (streamId !== this.streamId) {
      this.streamId = streamId;
      this.streamField = field(streamId);
    }
    if (recordedAt !== this.recordedAt) {
      this.recordedAt = recordedAt;
      this.recordedAtField = field(recordedAt);
    }
    this.sha.update(`${position}\n${revision}\n${this.streamField}${field(type)}${field(data)}${field(metadata)}${this.recordedAtField}`);
  }

  /** The append's digest in hexadecimal; nothing may be added after. */
  digest(): string {
    return this.sha.digest('hex');
  }
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
