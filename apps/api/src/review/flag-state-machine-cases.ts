// State × action × caller → outcome, every cell of the review state machine (docs/REVIEW.md).
import { FLAG_ACTIONS, FLAG_STATUSES, type FlagAction, type FlagStatus, type Role } from '@glossa/contracts';

export type Caller = Role | 'raiser-reviewer' | 'non-member';
export type Expected = FlagStatus | 'forbidden' | 'conflict';

const DECIDERS: readonly Caller[] = ['owner', 'admin', 'reviewer'];
const NON_DECIDERS: readonly Caller[] = ['analyst', 'viewer', 'raiser-reviewer', 'non-member'];

/** Where each action leads from each state; undefined = illegal from there. */
const LEGAL: Record<FlagStatus, Partial<Record<FlagAction, FlagStatus>>> = {
  open: { assign: 'in_review', confirm: 'confirmed', dismiss: 'dismissed' },
  in_review: { assign: 'in_review', confirm: 'confirmed', dismiss: 'dismissed' },
  confirmed: { resolve: 'resolved', reopen: 'open' },
  dismissed: { reopen: 'open' },
  resolved: { reopen: 'open' },
};

export interface TransitionCase {
  caller: Caller;
  status: FlagStatus;
  action: FlagAction;
  expected: Expected;
}

export const transitionCases: TransitionCase[] = FLAG_STATUSES.flatMap((status) =>
  FLAG_ACTIONS.flatMap((action) => [
    ...DECIDERS.map((caller) => ({ caller, status, action, expected: LEGAL[status][action] ?? ('conflict' as const) })),
    ...NON_DECIDERS.map((caller) => ({ caller, status, action, expected: 'forbidden' as const })),
  ]),
);

/** `allowed` in a 409, per state. */
export const allowedFrom: Record<FlagStatus, FlagAction[]> = Object.fromEntries(
  FLAG_STATUSES.map((status) => [status, FLAG_ACTIONS.filter((action) => LEGAL[status][action] !== undefined)]),
) as Record<FlagStatus, FlagAction[]>;
