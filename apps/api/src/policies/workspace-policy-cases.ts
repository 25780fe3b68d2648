// Role-change and removal decisions as data: actor role, target role, new role, owners → outcome.
import type { Role } from '@glossa/contracts';

type Outcome = 'allowed' | 'forbidden' | 'conflict';

export interface RoleChangeCase {
  actor: Role;
  target: Role;
  to: Role;
  owners: number;
  self?: boolean;
  outcome: Outcome;
}

export const roleChangeCases: RoleChangeCase[] = [
  { actor: 'owner', target: 'analyst', to: 'owner', owners: 1, outcome: 'allowed' },
  { actor: 'owner', target: 'owner', to: 'admin', owners: 2, outcome: 'allowed' },
  { actor: 'owner', target: 'owner', to: 'admin', owners: 1, outcome: 'conflict' },
  { actor: 'owner', target: 'owner', to: 'admin', owners: 2, self: true, outcome: 'forbidden' },
  { actor: 'admin', target: 'viewer', to: 'admin', owners: 1, outcome: 'allowed' },
  { actor: 'admin', target: 'viewer', to: 'owner', owners: 1, outcome: 'forbidden' },
  { actor: 'admin', target: 'owner', to: 'admin', owners: 2, outcome: 'forbidden' },
  { actor: 'admin', target: 'admin', to: 'viewer', owners: 1, outcome: 'allowed' },
  { actor: 'admin', target: 'admin', to: 'owner', owners: 1, self: true, outcome: 'forbidden' },
  { actor: 'reviewer', target: 'viewer', to: 'analyst', owners: 1, outcome: 'forbidden' },
  { actor: 'analyst', target: 'viewer', to: 'analyst', owners: 1, outcome: 'forbidden' },
  { actor: 'viewer', target: 'viewer', to: 'owner', owners: 1, self: true, outcome: 'forbidden' },
];

export interface RemovalCase {
  actor: Role;
  target: Role;
  owners: number;
  self?: boolean;
  outcome: Outcome;
}

export const removalCases: RemovalCase[] = [
  { actor: 'viewer', target: 'viewer', owners: 1, self: true, outcome: 'allowed' },
  { actor: 'owner', target: 'owner', owners: 1, self: true, outcome: 'conflict' },
  { actor: 'owner', target: 'owner', owners: 2, self: true, outcome: 'allowed' },
  { actor: 'owner', target: 'owner', owners: 2, outcome: 'allowed' },
  { actor: 'admin', target: 'owner', owners: 2, outcome: 'forbidden' },
  { actor: 'admin', target: 'admin', owners: 1, outcome: 'allowed' },
  { actor: 'reviewer', target: 'viewer', owners: 1, outcome: 'forbidden' },
];
