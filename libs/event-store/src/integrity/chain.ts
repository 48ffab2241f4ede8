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
    return sha256Hex(
      JSON.stringify([
        previous,
        event.position,
        event.streamId,
        event.revision,
        event.type,
        event.data,
        event.metadata,
        event.recordedAt,
      ]),
    );
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
export function streamChainHash(
  previous: string,
  event: StreamChainedFields,
  encoding: EventHashEncoding,
): string {
  if (encoding === 1) {
    return sha256Hex(
      JSON.stringify([previous, event.streamId, event.revision, event.type, event.data, event.metadata]),
    );
  }
  return sha256Hex(
    `annals-stream-chain/2\n${previous}\n${event.revision}\n${field(event.streamId)}${field(event.type)}${field(event.data)}${field(event.metadata)}`,
  );
}

/**
 * Encoding 3: one SHA-256 per append, since an append is one transaction and so the unit that is committed or
 * not. It covers the tag `annals-chain/3`, a line break, the digest (or hash) of the append before it and a line
 * break, then each event of the append in position order: its position and its revision, each as an unsigned
 * 64-bit big-endian number, then its stream, type, data, metadata and recorded time, each as its length in UTF-8
 * bytes (an unsigned 32-bit big-endian number) and those bytes. Every event's own stream and recorded time are
 * hashed, although an append writes one of each, so that editing them in one row still shows; the lengths keep
 * any field from running into the next, and the bytes up to an event's end read back as the same events, so that
 * no run of events can pass for another. Binary numbers rather than the text of encoding 2 because the events are
 * encoded straight into one reused buffer, where a text had to be built and flattened per event: each field is
 * converted to UTF-8 once, and nothing is left for the garbage collector.
 *
 * One instance serves one append at a time (`start`, `add`…, `finish`) and keeps its buffer for the next. What it
 * does per event is the cost of the chain on an append, so it allocates nothing per event: the stream and recorded
 * time are encoded once while they stay the same, each type once (a store writes a few dozen; past `TYPES_KEPT`
 * types, a new one is encoded each time), numbers byte by byte; only data and metadata are converted, one call each.
 */
export class AppendDigest {
  private bytes: Buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private length = 0;
  /** Only for an append that outgrows the buffer: what was hashed of it so far. */
  private sha: crypto.Hash | undefined;
  // The stream and recorded time as last encoded (length and bytes), reused while they stay the same string.
  private streamId: string | undefined;
  private streamBytes: Buffer = EMPTY;
  private recordedAt: string | undefined;
  private recordedAtBytes: Buffer = EMPTY;
  /** Each type as encoded (length and bytes), up to `TYPES_KEPT` of them. */
  private readonly types = new Map<string, Buffer>();

  start(previous: string): this {
    this.sha = undefined;
    this.length = this.bytes.write(`annals-chain/3\n${previous}\n`, 0, 'latin1');
    return this;
  }

  /** Positional rather than a `ChainedFields`, so that writing an event makes no object only to hash it. */
  add(
    position: number,
    streamId: string,
    revision: number,
    type: string,
    data: string,
    metadata: string,
    recordedAt: string,
  ): void {
    if (streamId !== this.streamId) {
      this.streamId = streamId;
      this.streamBytes = lengthAndBytes(streamId);
    }
    if (recordedAt !== this.recordedAt) {
      this.recordedAt = recordedAt;
      this.recordedAtBytes = lengthAndBytes(recordedAt);
    }
    const typeBytes = this.typeBytes(type);
    const { streamBytes, recordedAtBytes } = this;
    // A UTF-16 code unit takes at most three bytes in UTF-8.
    this.reserve(
      16 +
        streamBytes.length +
        typeBytes.length +
        8 +
        3 * (data.length + metadata.length) +
        recordedAtBytes.length,
    );
    const bytes = this.bytes;
    let at = writeUint64(bytes, position, this.length);
    at = writeUint64(bytes, revision, at);
    bytes.set(streamBytes, at);
    at += streamBytes.length;
    bytes.set(typeBytes, at);
    at = writeText(bytes, data, at + typeBytes.length);
    at = writeText(bytes, metadata, at);
    bytes.set(recordedAtBytes, at);
    this.length = at + recordedAtBytes.length;
  }

  /** The append's digest in hexadecimal. */
  finish(): string {
    const appended = this.bytes.subarray(0, this.length);
    if (!this.sha) return sha256Hex(appended);
    const digest = this.sha.update(appended).digest('hex');
    this.sha = undefined;
    return digest;
  }

  private typeBytes(type: string): Buffer {
    const known = this.types.get(type);
    if (known) return known;
    const encoded = lengthAndBytes(type);
    if (this.types.size < TYPES_KEPT) this.types.set(type, encoded);
    return encoded;
  }

  /** Makes room for `needed` more bytes: hashes what the buffer holds when it would overflow, grows it for a larger event. */
  private reserve(needed: number): void {
    if (this.length + needed <= this.bytes.length) return;
    this.sha ??= crypto.createHash('sha256');
    this.sha.update(this.bytes.subarray(0, this.length));
    this.length = 0;
    if (needed > this.bytes.length) this.bytes = Buffer.allocUnsafe(needed);
  }
}

/** Enough for an append of about a hundred events of the record's usual size without hashing in parts. */
const BUFFER_BYTES = 64 * 1024;
/** More than the record's event types: a writer of arbitrary types keeps no more than this many encoded. */
const TYPES_KEPT = 256;
const EMPTY: Buffer = Buffer.alloc(0);

/** Byte by byte: on an append, `writeUInt32BE`'s checks cost more than the stores. Positions stay below 2^53. */
function writeUint64(bytes: Buffer, value: number, at: number): number {
  writeUint32(bytes, Math.floor(value / 2 ** 32), at);
  writeUint32(bytes, value >>> 0, at + 4);
  return at + 8;
}

function writeUint32(bytes: Buffer, value: number, at: number): void {
  bytes[at] = value >>> 24;
  bytes[at + 1] = (value >>> 16) & 0xff;
  bytes[at + 2] = (value >>> 8) & 0xff;
  bytes[at + 3] = value & 0xff;
}

/** Writes `text` as its UTF-8 length and bytes at `at`, where there is room for the longest it can be; returns where it ends. */
function writeText(bytes: Buffer, text: string, at: number): number {
  const length = bytes.write(text, at + 4, 'utf8');
  writeUint32(bytes, length, at);
  return at + 4 + length;
}

function lengthAndBytes(text: string): Buffer {
  const bytes = Buffer.allocUnsafe(4 + 3 * text.length);
  return bytes.subarray(0, writeText(bytes, text, 0));
}

/** A text field of an encoding-2 hash text: its length in UTF-8 bytes (what is hashed), a colon, the text. */
function field(text: string): string {
  return `${Buffer.byteLength(text)}:${text}`;
}

/**
 * `crypto.hash` (Node 20.12 on) hashes in one native call; `createHash` makes a Hash object per event, which on an
 * append cost more than the SHA-256 itself. Both give the same digest; older Nodes take the long way.
 */
const sha256Hex: (text: string | Buffer) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

const HASH = /^[0-9a-f]{64}$/;

export function isChainHash(value: string): boolean {
  return typeof value === 'string' && HASH.test(value);
}
