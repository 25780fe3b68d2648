// Every cell of state × action × caller, from the table in flag-state-machine-cases.ts.
import { describe, expect, it } from 'vitest';
import type { Role } from '@glossa/contracts';
import { allowedActions, decideTransition } from './flag-state-machine';
import { allowedFrom, transitionCases, type Caller } from './flag-state-machine-cases';

const RAISER = 'raiser';
const ME = 'me';

function decider(caller: Caller): { role: Role | null; userId: string } {
  if (caller === 'raiser-reviewer') return { role: 'reviewer', userId: RAISER };
  if (caller === 'non-member') return { role: null, userId: ME };
  return { role: caller, userId: ME };
}

describe('flag state machine', () => {
  it.each(transitionCases)('$caller: $action from $status → $expected', ({ caller, status, action, expected }) => {
    const outcome = decideTransition(decider(caller), { status, raisedBy: RAISER }, action);
    if (expected === 'forbidden' || expected === 'conflict') {
      expect(outcome.ok).toBe(false);
      expect(outcome.ok === false && outcome.reason).toBe(expected);
      if (expected === 'conflict') expect(outcome.ok === false && outcome.reason === 'conflict' && outcome.allowed).toEqual(allowedFrom[status]);
    } else {
      expect(outcome).toEqual({ ok: true, to: expected });
    }
  });

  it.each(transitionCases.filter((c) => c.action === 'assign'))('abilities list exactly the legal actions for $caller in $status', ({ caller, status }) => {
    const legal = transitionCases.filter((c) => c.caller === caller && c.status === status && c.expected !== 'forbidden' && c.expected !== 'conflict').map((c) => c.action);
    expect(allowedActions(decider(caller), { status, raisedBy: RAISER })).toEqual(legal);
  });
});
