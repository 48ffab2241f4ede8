import { hasTakenEffect, isExact, type Span } from '@app/projections/time/span';
import { dateOf, dayNumber } from './days';

/**
 * The first day on which the server counts a change dated to `span` as having surely taken effect, found by asking
 * the server's own rule day by day rather than restating it: the days before it, in the span, are undetermined.
 */
export function firstCertainDay(span: Span): string {
  if (isExact(span)) return span.from;
  const last = dayNumber(span.to) + 1;
  for (let day = dayNumber(span.from); day < last; day += 1)
    if (hasTakenEffect(span, dateOf(day))) return dateOf(day);
  return dateOf(last);
}
