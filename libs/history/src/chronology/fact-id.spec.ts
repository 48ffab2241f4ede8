import { eventIdOf } from './fact-id';

describe('eventIdOf', () => {
  it('derives a stable RFC 9562 version 5 UUID from a fact id', () => {
    const id = eventIdOf('cst-1992/signed/ARM');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(eventIdOf('cst-1992/signed/ARM')).toBe(id);
    expect(eventIdOf('cst-1992/signed/KAZ')).not.toBe(id);
  });
});
