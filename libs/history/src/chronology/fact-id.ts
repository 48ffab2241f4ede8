import { createHash } from 'node:crypto';

/** The namespace of annals fact ids (a fixed, random UUID): event id = UUIDv5(namespace, fact id). */
const FACT_NAMESPACE = '3b0d2c8e-58a4-4f0f-9d57-4c8a1f2e6b10';

/**
 * The event id of a chronology fact: a UUIDv5 of its stable fact id (RFC 9562 §5.5), so that importing the same
 * file twice yields the same ids and the store recognises the second import as a retry.
 */
export function eventIdOf(factId: string): string {
  const namespace = Buffer.from(FACT_NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(factId, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
