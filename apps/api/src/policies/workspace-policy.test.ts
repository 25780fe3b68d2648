// The policy functions alone, table-driven; tests/api/permissions.test.ts checks them over HTTP.
import { describe, expect, it } from 'vitest';
import { ACTIONS, ROLES } from '@glossa/contracts';
import { abilitiesOf, can, decideInvite, decideRemoval, decideRoleChange, type Decision } from './workspace-policy';
import { removalCases, roleChangeCases } from './workspace-policy-cases';

const outcome = (decision: Decision) => (decision.allowed ? 'allowed' : decision.reason);

describe('workspace policy', () => {
  it('gives a non-member and an unknown role nothing', () => {
    for (const action of ACTIONS) {
      expect(can(null, action)).toBe(false);
      expect(can('superuser' as never, action)).toBe(false);
    }
  });

  it('gives each role at least what the role below it has', () => {
    for (let i = 1; i < ROLES.length; i++) {
      const stronger = abilitiesOf(ROLES[i - 1]!);
      const weaker = abilitiesOf(ROLES[i]!);
      for (const action of ACTIONS) if (weaker[action]) expect(stronger[action]).toBe(true);
    }
  });

  it('lets only owners invite owners', () => {
    expect(outcome(decideInvite('owner', 'owner'))).toBe('allowed');
    expect(outcome(decideInvite('admin', 'owner'))).toBe('forbidden');
    expect(outcome(decideInvite('admin', 'admin'))).toBe('allowed');
    expect(outcome(decideInvite('reviewer', 'viewer'))).toBe('forbidden');
  });

  it.each(roleChangeCases)('$actor changes $target to $to with $owners owner(s) (self: $self) → $outcome', (c) => {
    const decision = decideRoleChange({ userId: 'actor', role: c.actor }, { userId: c.self ? 'actor' : 'target', role: c.target }, c.to, c.owners);
    expect(outcome(decision)).toBe(c.outcome);
  });

  it.each(removalCases)('$actor removes $target with $owners owner(s) (self: $self) → $outcome', (c) => {
    const decision = decideRemoval({ userId: 'actor', role: c.actor }, { userId: c.self ? 'actor' : 'target', role: c.target }, c.owners);
    expect(outcome(decision)).toBe(c.outcome);
  });
});
