/** An answer as it was sent: its serialised body, and the headers that describe it (its media type, its ETag…). */
export interface SerialisedAnswer {
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

/** 64 MB: about 1,400 organisation states of the bench's size (46 KB); the chronology's answers are far smaller. */
export const ANSWER_CACHE_BYTES = 64 * 2 ** 20;

/**
 * The serialised answers to questions already asked, for one version of the record (`LiveRecord.version`). An
 * answer depends on nothing but its question and the record, so while the version lasts a repeated question costs
 * a lookup. A newer version drops every answer at once: they were all computed on a record that has since changed.
 * Bounded by the bytes of the bodies kept, least recently used first out.
 */
export class AnswerCache {
  /** In order of use, the least recent first (a Map keeps insertion order). */
  private readonly answers = new Map<string, { answer: SerialisedAnswer; bytes: number }>();
  private version = -1;
  private bytes = 0;

  constructor(private readonly maxBytes = ANSWER_CACHE_BYTES) {}

  /** The answer kept for this question at this version, if any. */
  lookup(question: string, version: number): SerialisedAnswer | undefined {
    if (version !== this.version) {
      if (version > this.version) this.moveTo(version);
      return undefined;
    }
    const kept = this.answers.get(question);
    if (!kept) return undefined;
    this.answers.delete(question);
    this.answers.set(question, kept);
    return kept.answer;
  }

  /**
   * Keeps an answer computed once the record had reached `version`. An answer for an older version than the
   * latest seen is not kept: nobody will ask at that version again.
   */
  keep(question: string, version: number, answer: SerialisedAnswer): void {
    if (version < this.version) return;
    if (version > this.version) this.moveTo(version);
    const bytes =
      question.length +
      answer.body.length +
      Object.entries(answer.headers).reduce((sum, [name, value]) => sum + name.length + value.length, 0);
    if (bytes > this.maxBytes) return;
    this.forget(question);
    this.answers.set(question, { answer, bytes });
    this.bytes += bytes;
    for (const [oldest] of this.answers) {
      if (this.bytes <= this.maxBytes) break;
      this.forget(oldest);
    }
  }

  /** How many answers are kept, and their bytes. */
  get size(): { answers: number; bytes: number } {
    return { answers: this.answers.size, bytes: this.bytes };
  }

  private moveTo(version: number): void {
    this.answers.clear();
    this.bytes = 0;
    this.version = version;
  }

  private forget(question: string): void {
    const kept = this.answers.get(question);
    if (!kept) return;
    this.answers.delete(question);
    this.bytes -= kept.bytes;
  }
}
