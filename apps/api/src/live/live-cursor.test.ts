// The live cursor: "txid:seq" round trips, refuses anything else, and orders by txid first.
import { describe, expect, it } from 'vitest';
import { comparePositions, decodeCursor, encodeCursor, laterOf } from './live-cursor';
import { SocketRate } from './live-rate';

describe('live cursor', () => {
  it('round-trips positions, including ids past 2^53', () => {
    const position = { txid: 9_007_199_254_740_993n, seq: 42n };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each(['', '1', '1:', ':1', '1:2:3', 'a:1', '-1:2', '1.5:2', '1:2 ', '123456789012345678901:1'])('refuses %j', (cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });

  it('orders by transaction first: a later seq of an earlier transaction comes before', () => {
    const early = { txid: 10n, seq: 900n };
    const late = { txid: 11n, seq: 5n };
    expect(comparePositions(early, late)).toBe(-1);
    expect(comparePositions(late, early)).toBe(1);
    expect(comparePositions(late, { ...late })).toBe(0);
    expect(laterOf(early, late)).toBe(late);
  });
});

describe('socket message rate', () => {
  it('allows the limit per second, refuses beyond it, drops at twice it, and resets each second', () => {
    let now = 1_000;
    const rate = new SocketRate(3, () => now);
    expect([rate.take(), rate.take(), rate.take()]).toEqual(['ok', 'ok', 'ok']);
    expect([rate.take(), rate.take(), rate.take()]).toEqual(['refuse', 'refuse', 'refuse']);
    expect(rate.take()).toBe('drop');
    now += 1_000;
    expect(rate.take()).toBe('ok');
  });
});
