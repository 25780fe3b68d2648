import { describe, expect, it } from 'vitest';
import { HeldChanges } from './heldChanges';

describe('HeldChanges', () => {
  it('applies at once when not held', () => {
    const applied: number[] = [];
    const held = new HeldChanges<number>((n) => applied.push(n));
    held.push(1);
    expect(applied).toEqual([1]);
    expect(held.size).toBe(0);
  });

  it('keeps changes while held and applies them in arrival order when released', () => {
    const applied: number[] = [];
    const held = new HeldChanges<number>((n) => applied.push(n));
    held.hold(true);
    held.push(1);
    held.push(2);
    expect(applied).toEqual([]);
    expect(held.size).toBe(2);
    held.hold(true);
    expect(applied).toEqual([]);
    held.hold(false);
    expect(applied).toEqual([1, 2]);
    expect(held.size).toBe(0);
    held.push(3);
    expect(applied).toEqual([1, 2, 3]);
  });

  it('stops applying when an applied change holds again', () => {
    const applied: number[] = [];
    const held: HeldChanges<number> = new HeldChanges<number>((n) => {
      applied.push(n);
      if (n === 1) held.hold(true);
    });
    held.hold(true);
    held.push(1);
    held.push(2);
    held.hold(false);
    expect(applied).toEqual([1]);
    expect(held.size).toBe(1);
    held.hold(false);
    expect(applied).toEqual([1, 2]);
  });
});
