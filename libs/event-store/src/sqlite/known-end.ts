/** Where the next append goes: the position after the highest handed out, the hash it links to, its recorded time. */
export interface Tail {
  position: number;
  hash: string;
  recordedAt: string;
}

/**
 * The end of the log and the last revision of each stream, as one connection last saw them committed, so that a
 * write need not look them up again: on a batched append those lookups (tail, position counter, stream head, first
 * id) cost about as much as the chain. What is known holds while SQLite's `PRAGMA data_version` stays the same,
 * which it does until another connection commits; a write reads it once it holds the write lock (`begin`), and what
 * it changed becomes known only once it has committed (`commit`), so that a write rolled back leaves nothing behind.
 */
export class KnownEnd {
  private version: number | undefined;
  private tail: Tail | undefined;
  /** Streams looked up or written: their last revision, or null for a stream that does not exist. */
  private readonly heads = new Map<string, number | null>();
  private written: Tail | undefined;
  private readonly writtenHeads = new Map<string, number>();

  /** Starts a write on a connection at `version`: forgets what another connection may have changed. */
  begin(version: number): void {
    if (version !== this.version) {
      this.version = version;
      this.tail = undefined;
      this.heads.clear();
    }
    this.written = undefined;
    this.writtenHeads.clear();
  }

  /** The tail as the last write committed it, or undefined if it must be read. */
  lastTail(): Readonly<Tail> | undefined {
    return this.tail;
  }

  /** A stream's last revision (null: no such stream), or undefined if it must be read. */
  head(streamId: string): number | null | undefined {
    return this.writtenHeads.get(streamId) ?? this.heads.get(streamId);
  }

  /** A stream's head as read inside the write, before the write changed it: already committed. */
  read(streamId: string, revision: number | null): void {
    this.heads.set(streamId, revision);
  }

  /** What an append under way wrote: known once its write commits. */
  wrote(streamId: string, revision: number, tail: Tail): void {
    this.writtenHeads.set(streamId, revision);
    this.written = tail;
  }

  commit(): void {
    if (this.written) this.tail = this.written;
    for (const [streamId, revision] of this.writtenHeads) this.heads.set(streamId, revision);
    this.written = undefined;
    this.writtenHeads.clear();
  }
}
