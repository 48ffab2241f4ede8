import * as crypto from 'node:crypto';

/** The previous hash of the first chained event: no event comes before it. */
export const GENESIS = '0'.repeat(64);

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
 * the hash of every event after it. A JSON array keeps the fields apart whatever text they hold.
 */
export function chainHash(previous: string, event: ChainedFields): string {
  const fields = [previous, event.position, event.streamId, event.revision, event.type, event.data, event.metadata, event.recordedAt];
  return sha256Hex(JSON.stringify(fields));
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
