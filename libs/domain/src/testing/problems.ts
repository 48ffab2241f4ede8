import { InvalidEvent, type Problem } from '../errors';
import { parseEvent } from '../parse-event';

/** What the door says of `raw`: every problem it finds, or none when it takes it. */
export function problemsOf(raw: unknown): readonly Problem[] {
  try {
    parseEvent(raw);
  } catch (error) {
    if (error instanceof InvalidEvent) return error.problems;
    throw error;
  }
  return [];
}
