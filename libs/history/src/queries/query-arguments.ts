import { dateProblem, precisionOf, type Problem, WIRE_NAMES } from '@app/domain';
import { InvalidQuery } from '../invalid-query';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PARTICIPANT = /^([A-Z]{3}|[a-z0-9]+(-[a-z0-9]+)*)$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Collects every problem with a query's arguments before any is answered, so that a caller learns all that is
 * wrong at once. Each `read*` returns the normalised value (or undefined when absent and optional).
 */
export class QueryArguments {
  private readonly problems: Problem[] = [];

  /** A calendar day, YYYY-MM-DD: "as of" is always a day. */
  day(name: string, value: unknown, required: true): string;
  day(name: string, value: unknown, required?: false): string | undefined;
  day(name: string, value: unknown, required = false): string | undefined {
    if (this.absent(name, value, required)) return undefined;
    const problem = dateProblem(value);
    if (problem) return this.fail(name, problem);
    if (precisionOf(value as string) !== 'day') return this.fail(name, `must be a day, YYYY-MM-DD, got "${String(value)}"`);
    return value as string;
  }

  /** An instant of recorded time: ISO 8601 with a time zone, or a day (meaning its end, 23:59:59.999Z). */
  instant(name: string, value: unknown): string | null {
    if (this.absent(name, value, false)) return null;
    const text = String(value);
    if (!INSTANT.test(text)) return this.fail(name, `must be an ISO 8601 instant such as 2026-01-31T12:00:00Z, got "${text.slice(0, 40)}"`) ?? null;
    if (text.length === 10) {
      const problem = dateProblem(text);
      return problem ? (this.fail(name, problem) ?? null) : `${text}T23:59:59.999Z`;
    }
    const time = Date.parse(text);
    if (Number.isNaN(time)) return this.fail(name, `"${text}" is not a real instant`) ?? null;
    return new Date(time).toISOString();
  }

  slug(name: string, value: unknown, required: true): string;
  slug(name: string, value: unknown, required?: false): string | undefined;
  slug(name: string, value: unknown, required = false): string | undefined {
    return this.matching(name, value, required, SLUG, 'a slug such as csto or csto-charter-2002');
  }

  participant(name: string, value: unknown, required: true): string;
  participant(name: string, value: unknown, required?: false): string | undefined;
  participant(name: string, value: unknown, required = false): string | undefined {
    return this.matching(name, value, required, PARTICIPANT, 'an ISO 3166-1 alpha-3 code such as ARM, or a slug such as cis');
  }

  wireName(name: string, value: unknown): string | undefined {
    if (this.absent(name, value, false)) return undefined;
    if ((WIRE_NAMES as readonly unknown[]).includes(value)) return value as string;
    return this.fail(name, `"${String(value).slice(0, 60)}" is not an event type; see docs/event-catalogue.md`);
  }

  /** A whole number within bounds, with a default. */
  count(name: string, value: unknown, { min, max, fallback }: { min: number; max: number; fallback: number }): number {
    if (this.absent(name, value, false)) return fallback;
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      return this.fail(name, `must be a whole number from ${min} to ${max}, got "${String(value)}"`) ?? fallback;
    }
    return number;
  }

  /** Throws InvalidQuery with every problem found, if any. */
  done(): void {
    if (this.problems.length > 0) throw new InvalidQuery(this.problems);
  }

  private matching(name: string, value: unknown, required: boolean, pattern: RegExp, what: string): string | undefined {
    if (this.absent(name, value, required)) return undefined;
    if (typeof value === 'string' && pattern.test(value)) return value;
    return this.fail(name, `must be ${what}, got "${String(value).slice(0, 60)}"`);
  }

  private absent(name: string, value: unknown, required: boolean): boolean {
    if (value !== undefined && value !== '') return false;
    if (required) this.fail(name, 'is required');
    return true;
  }

  private fail(path: string, reason: string): undefined {
    this.problems.push({ path, reason });
    return undefined;
  }
}
