import { describe, expect, it } from 'vitest';
import { checkChain, hashEvent, malaysianDay, type AuditEvent } from './audit';

describe('malaysianDay', () => {
  it('is the Malaysian calendar day (UTC+8)', () => {
    expect(malaysianDay('2026-12-04T15:59:59.000Z')).toBe('2026-12-04');
    expect(malaysianDay('2026-12-04T16:00:00.000Z')).toBe('2026-12-05');
  });
});

describe('checkChain', () => {
  const event = (seq: number, prevHash: string): AuditEvent => {
    const base = {
      actor: { userId: 'u' }, action: 'x', record: { type: 'user', id: 'u' }, summary: {}, requestId: 'r',
      eventId: `e${seq}`, chain: 0, seq, at: '2026-12-04T00:00:00.000Z', prevHash,
    };
    return { ...base, hash: hashEvent(base) };
  };
  const chain = () => {
    const a = event(1, '0'.repeat(64));
    const b = event(2, a.hash);
    const c = event(3, b.hash);
    return [a, b, c];
  };

  it('accepts an intact chain and an empty one', () => {
    const events = chain();
    expect(checkChain(0, events, { seq: 3, hash: events[2]!.hash }).ok).toBe(true);
    expect(checkChain(0, [], undefined).ok).toBe(true);
  });

  it('reports a truncated chain against its head', () => {
    const events = chain();
    expect(checkChain(0, events.slice(0, 2), { seq: 3, hash: events[2]!.hash }).problems).toEqual([{ seq: 3, kind: 'head-mismatch' }]);
  });
});
