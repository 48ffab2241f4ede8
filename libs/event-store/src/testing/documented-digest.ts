import { createHash } from 'node:crypto';
import type { ChainedFields } from '../integrity/chain';

/**
 * The digest of an append in encoding 3 as the README documents its bytes, built apart from `AppendDigest` (whole
 * buffers, `createHash`): the tag, the digest before it, then per event its position and revision as unsigned 64-bit
 * big-endian numbers and its stream, type, data, metadata and recorded time, each as its UTF-8 length (unsigned 32-bit
 * big-endian) and bytes.
 */
export function documentedAppendDigest(previous: string, events: readonly ChainedFields[]): string {
  const field = (text: string): Buffer => {
    const bytes = Buffer.from(text, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
  };
  const parts: Buffer[] = [Buffer.from(`annals-chain/3\n${previous}\n`)];
  for (const e of events) {
    const numbers = Buffer.alloc(16);
    numbers.writeBigUInt64BE(BigInt(e.position));
    numbers.writeBigUInt64BE(BigInt(e.revision), 8);
    parts.push(numbers, ...[e.streamId, e.type, e.data, e.metadata, e.recordedAt].map(field));
  }
  return createHash('sha256').update(Buffer.concat(parts)).digest('hex');
}
