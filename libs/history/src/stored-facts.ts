import { InvalidEvent, SCHEMA_VERSIONS, WIRE_NAMES, type DomainEvent, type WireName } from '@app/domain';
import type { EventMetadata, NewEvent, RecordedEvent, StoredEventText } from '@app/event-store';

/** Who recorded a fact, and in which unit of work; stored as the event's metadata. */
export interface Provenance {
  readonly recordedBy: string;
  readonly correlationId: string;
  readonly causationId?: string;
  /** A chronology file and the place in it, for imported facts. */
  readonly importedFrom?: { readonly file: string; readonly line: number; readonly factId: string };
  /** The HTTP request that wrote it, for facts written through the API. */
  readonly request?: { readonly id: string; readonly method: string; readonly path: string };
}

export interface FactMetadata extends Provenance {
  readonly schemaVersion: number;
}

/** A stored event read back through the domain's door. */
export interface StoredFact {
  readonly id: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  readonly recordedAt: string;
  readonly event: DomainEvent;
  readonly metadata: FactMetadata;
}

/** The store holds the wire name as the event type and the other fields as its data. */
export function toNewEvent(id: string, event: DomainEvent, provenance: Provenance): NewEvent {
  const { type, ...data } = event;
  const metadata: FactMetadata = { schemaVersion: SCHEMA_VERSIONS[type], ...provenance };
  return { id, type, data, metadata: metadata as unknown as EventMetadata };
}

/** What a replay needs of an event type it reads: one lookup of the stored type gives it all. */
interface ReadableType {
  /** The wire name as the catalogue spells it: a replay then holds one copy of each, not one per stored event. */
  readonly type: WireName;
  /** The schema version this build reads the type at. */
  readonly version: number;
}

const READABLE_TYPES = new Map<string, ReadableType>(
  WIRE_NAMES.map((type) => [type, { type, version: SCHEMA_VERSIONS[type] }]),
);

/**
 * Reads a stored event back as a fact, trusting its shape: the store holds only events that passed `parseEvent` on
 * the way in, and nothing rewrites them, so a replay checks only that this build knows the wire name at the schema
 * version it was stored under (a newer log, or a shape change without an upcaster, stops here). `LogVerifier`
 * is what runs every stored event through `parseEvent` again.
 */
export function toStoredFact(recorded: RecordedEvent): StoredFact {
  const metadata = recorded.metadata as unknown as FactMetadata;
  const { type } = readableType(recorded, metadata);
  return {
    id: recorded.id,
    streamId: recorded.streamId,
    revision: recorded.revision,
    position: recorded.position,
    recordedAt: recorded.recordedAt,
    event: { type, ...(recorded.data as object) } as DomainEvent,
    metadata,
  };
}

/**
 * Reads stored events back as facts in a compact form, for a record that holds the whole log in memory: a string
 * that recurs (a subject, a participant, a date, a stream id, a provenance) is kept once, identical `sources` lists
 * and identical metadata are one object (parsed once, when read from stored text), and an event read from stored
 * text is made, type first, by `EventMakers`. The facts are deeply equal to `toStoredFact`'s, keys in
 * the same order. What is shared between facts (sources lists, metadata) is frozen, so that no fact can change
 * another's; the rest is, as every fact, read-only by type and never changed.
 */
export class CompactFacts {
  private readonly strings = new Map<string, string>();
  private readonly sourceLists = new Map<string, (readonly unknown[])[]>();
  /** The makers of each type's events, one per list of keys its stored data has had. */
  private readonly makers = new Map<WireName, EventMakers>();
  /** Consecutive events mostly share their metadata (one append, one import): the last text and its object. */
  private lastMetadata: { readonly text: string; readonly value: FactMetadata } | undefined;
  private lastRecordedAt = '';
  private lastStreamId = '';
  private lastSources: readonly unknown[] | undefined;
  /** The last two texts `earlierCopy` was asked for, as kept. */
  private recent = '';
  private beforeRecent = '';

  /** A stored event as the embedded store's synchronous pages give it: data and metadata as JSON text. */
  fromText(stored: StoredEventText): StoredFact {
    const metadata = this.metadataOf(stored.metadata);
    const { type } = readableType(stored, metadata);
    let makers = this.makers.get(type);
    if (makers === undefined) this.makers.set(type, (makers = new EventMakers()));
    return this.placed(stored, this.compacted(makers.make(type, parsedData(stored)), 'type'), metadata);
  }

  /**
   * A stored event as the port reads it elsewhere (EventStoreDB, a live subscription). The reader takes the event
   * over: its metadata may end up frozen and shared, its other fields interned.
   */
  fromRecorded(recorded: RecordedEvent): StoredFact {
    const parsed = recorded.metadata as unknown as FactMetadata;
    const metadata = this.metadataOf(JSON.stringify(parsed), parsed);
    const { type } = readableType(recorded, metadata);
    return this.placed(
      recorded,
      this.compacted({ type, ...(recorded.data as object) } as DomainEvent, 'type'),
      metadata,
    );
  }

  private placed(
    stored: Omit<RecordedEvent, 'data' | 'metadata'>,
    event: DomainEvent,
    metadata: FactMetadata,
  ): StoredFact {
    // Events of one append share their recorded time and stream: the previous fact's copies serve.
    if (stored.recordedAt !== this.lastRecordedAt) this.lastRecordedAt = stored.recordedAt;
    if (stored.streamId !== this.lastStreamId) this.lastStreamId = this.interned(stored.streamId);
    return {
      id: stored.id,
      streamId: this.lastStreamId,
      revision: stored.revision,
      position: stored.position,
      recordedAt: this.lastRecordedAt,
      event,
      metadata,
    };
  }

  /** The metadata whose JSON text is `text`: the previous event's object when the text is the same. */
  private metadataOf(text: string, parsed?: FactMetadata): FactMetadata {
    if (this.lastMetadata?.text === text) return this.lastMetadata.value;
    const value = deepFreeze(this.compacted(parsed ?? (JSON.parse(text) as FactMetadata)));
    this.lastMetadata = { text, value };
    return value;
  }

  /**
   * The value with its strings interned and its `sources` lists shared, changed in place (it is the reader's own).
   * `kept`: a field already holding a shared copy (an event's type, the catalogue's own).
   */
  private compacted<T>(value: T, kept?: string): T {
    if (typeof value !== 'object' || value === null) return value;
    const fields = value as Record<string, unknown>;
    for (const key in fields) {
      if (key === kept) continue;
      const field = fields[key];
      if (typeof field === 'string') {
        // V8's JSON.parse already keeps one copy of each short value (dates, codes: up to 10 characters), which needs
        // no lookup. A field is written back only when an earlier copy replaces it: a store to a key named at run time
        // costs more than the check, and most fields are short.
        const earlier = field.length > PARSED_ONCE_LENGTH ? this.earlierCopy(field) : undefined;
        if (earlier !== undefined) fields[key] = earlier;
      } else if (key === 'sources' && Array.isArray(field)) fields[key] = this.sources(field);
      else if (typeof field === 'object' && field !== null) this.compacted(field);
    }
    return value;
  }

  /** A `sources` list as a shared, frozen one equal to it. */
  private sources(list: unknown[]): readonly unknown[] {
    // Consecutive facts mostly cite the same sources (one chronology file, one writer): the last list first.
    if (this.lastSources !== undefined && sameJson(this.lastSources, list)) return this.lastSources;
    this.lastSources = this.sharedSources(list);
    return this.lastSources;
  }

  /** Lists are found by their first source's first field (its quote, its title), then compared whole. */
  private sharedSources(list: unknown[]): readonly unknown[] {
    const key = firstText(list[0]) ?? JSON.stringify(list);
    const candidates = this.sourceLists.get(key);
    for (const candidate of candidates ?? []) if (sameJson(candidate, list)) return candidate;
    const shared = deepFreeze(this.compacted(list));
    if (candidates !== undefined) candidates.push(shared);
    else if (this.sourceLists.size < INTERNED_AT_MOST) this.sourceLists.set(key, [shared]);
    return shared;
  }

  /** One copy of a text that recurs (a stream id). */
  private interned(text: string): string {
    return this.earlierCopy(text) ?? text;
  }

  /**
   * The copy kept of a text read before, or undefined when there is none to use instead (the text is then kept, if
   * there is room). Long text (a quote, a note) rarely recurs outside a sources list, which is shared whole.
   */
  private earlierCopy(text: string): string | undefined {
    if (text.length > INTERNED_LENGTH) return undefined;
    // A stream's facts repeat a few such texts (an instrument, a kind of deposit): compared with the last two kept,
    // most are found without hashing them.
    if (text === this.recent) return this.recent;
    if (text === this.beforeRecent) return this.beforeRecent;
    const known = this.strings.get(text);
    this.beforeRecent = this.recent;
    this.recent = known ?? text;
    if (known !== undefined) return known;
    if (this.strings.size < INTERNED_AT_MOST) this.strings.set(text, text);
    return undefined;
  }
}

const PARSED_ONCE_LENGTH = 10;
const INTERNED_LENGTH = 64;
/** A bound on each table, so that a log of unique values cannot grow it without end: past it, values are kept as read. */
const INTERNED_AT_MOST = 1 << 20;

/** The data of a stored event, parsed from its text. */
function parsedData(stored: StoredEventText): Record<string, unknown> {
  const data = stored.data;
  if (!data.startsWith('{')) throw unreadable(stored, 'data', 'is not a JSON object');
  try {
    return JSON.parse(data) as Record<string, unknown>;
  } catch (error) {
    throw unreadable(
      stored,
      'data',
      `is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/**
 * Makes the event, type first, from stored data: `{ type, ...data }`. The store holds the event without its type, and
 * the type must come first (answers print events as they were written). Parsing the data with `{"type":…,` put in
 * front of its text made V8 copy each text into a new one and parse the type with it, and a spread copy keeps the
 * fields after the first few in a second array; made by an object literal of the data's own keys (`EventMaker`), the
 * event is one object of the literal's exact size, and the data parsed alone dies young. Measured in a rebuild of 1M
 * events: 98 young-generation collections instead of 127, 257 MB copied by them instead of 395 (survived +
 * promoted), and less CPU than the parse with the type in front in every interleaved round.
 *
 * The events of one type mostly share their keys (one writer, one schema), but optional fields give a type a few lists
 * of keys: a maker is kept for each of the first `MAKERS_PER_TYPE` met, found by checking the keys in order, so that
 * events alternating between two lists never make a maker each. Data with other keys, or a process that disallows
 * code generation from strings, gets the spread: the same event, made the slower way.
 */
class EventMakers {
  private readonly makers: EventMaker[] = [];

  make(type: WireName, data: Record<string, unknown>): DomainEvent {
    for (const maker of this.makers) if (maker.makes(data)) return maker.make(type, data);
    const maker = this.makers.length < MAKERS_PER_TYPE ? EventMaker.of(data) : undefined;
    if (maker === undefined) return { type, ...data } as DomainEvent;
    this.makers.push(maker);
    return maker.make(type, data);
  }
}

const MAKERS_PER_TYPE = 8;

/** `{ type, ...data }` for data with one list of keys, written out as one object literal of those keys. */
class EventMaker {
  /** False once this process has refused to compile a maker (`--disallow-code-generation-from-strings`). */
  private static compiles = true;

  private constructor(
    private readonly keys: readonly string[],
    readonly make: (type: WireName, data: Record<string, unknown>) => DomainEvent,
  ) {}

  /** The maker for the data's keys; undefined where this process does not compile code from strings. */
  static of(data: Record<string, unknown>): EventMaker | undefined {
    if (!EventMaker.compiles) return undefined;
    const keys = Object.keys(data);
    // Each key is written as a string literal (JSON's quoting is JavaScript's), and `__proto__` as a computed key, the
    // one form that makes it an own field as the spread does rather than the object's prototype.
    const fields = keys.map((key) => {
      const quoted = JSON.stringify(key);
      return `${key === '__proto__' ? `[${quoted}]` : quoted}: data[${quoted}]`;
    });
    try {
      const body = `return { type, ${fields.join(', ')} };`;
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the body is made of quoted keys only, never of values
      return new EventMaker(keys, new Function('type', 'data', body) as EventMaker['make']);
    } catch (error) {
      if (!(error instanceof EvalError)) throw error;
      EventMaker.compiles = false;
      return undefined;
    }
  }

  /** Whether the data has exactly this maker's keys, in its order. */
  makes(data: Record<string, unknown>): boolean {
    const keys = this.keys;
    let at = 0;
    for (const key in data) if (keys[at++] !== key) return false;
    return at === keys.length;
  }
}

/** The type of a stored event, when this build reads it at the schema version it was stored under. */
function readableType(
  stored: Pick<RecordedEvent, 'id' | 'position' | 'type'>,
  metadata: FactMetadata,
): ReadableType {
  const readable = READABLE_TYPES.get(stored.type);
  if (readable === undefined)
    throw unreadable(stored, 'type', `"${stored.type}" is not an event type this build knows`);
  if (metadata.schemaVersion !== readable.version) {
    throw unreadable(
      stored,
      'metadata.schemaVersion',
      `is ${String(metadata.schemaVersion)}; this build reads ${readable.type} at version ${readable.version}`,
    );
  }
  return readable;
}

function firstText(source: unknown): string | undefined {
  if (typeof source !== 'object' || source === null) return undefined;
  for (const key in source) {
    const value = (source as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/** Equal as JSON values, keys in the same order: what `JSON.stringify` would write the same. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let at = 0; at < a.length; at++) if (!sameJson(a[at], b[at])) return false;
    return true;
  }
  const keys = Object.keys(a);
  let at = 0;
  for (const key in b) {
    if (
      keys[at] !== key ||
      !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])
    )
      return false;
    at += 1;
  }
  return at === keys.length;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const field of Object.values(value)) deepFreeze(field);
    Object.freeze(value);
  }
  return value;
}

function unreadable(
  recorded: Pick<RecordedEvent, 'id' | 'position'>,
  path: string,
  reason: string,
): InvalidEvent {
  return new InvalidEvent([
    { path: `position ${recorded.position} (${recorded.id}): ${path}`, reason: `${reason}; run verify` },
  ]);
}

/** True when two events state the same fact: same type and fields, whatever the order of their keys. */
export function sameFact(a: DomainEvent, b: DomainEvent): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
