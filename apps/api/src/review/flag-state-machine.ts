// The review state machine of a contradiction flag (docs/REVIEW.md): which action leads from
// which state to which, and who may take it. Pure; the transition command enforces its answer.
import { Action, type FlagAction, type FlagStatus, type Role } from '@glossa/contracts';
import { can } from '../policies/workspace-policy';

interface Edge {
  from: readonly FlagStatus[];
  to: FlagStatus;
}

/** The table docs/REVIEW.md shows; the order is the order `allowed` lists actions in. */
export const FLAG_TRANSITIONS: Readonly<Record<FlagAction, Edge>> = {
  assign: { from: ['open', 'in_review'], to: 'in_review' },
  confirm: { from: ['open', 'in_review'], to: 'confirmed' },
  dismiss: { from: ['open', 'in_review'], to: 'dismissed' },
  resolve: { from: ['confirmed'], to: 'resolved' },
  reopen: { from: ['confirmed', 'dismissed', 'resolved'], to: 'open' },
};

const ACTIONS = Object.keys(FLAG_TRANSITIONS) as FlagAction[];

export interface FlagDecider {
  role: Role | null;
  userId: string;
}

export interface FlagRef {
  status: FlagStatus;
  raisedBy: string;
}

export type TransitionOutcome =
  | { ok: true; to: FlagStatus }
  | { ok: false; reason: 'forbidden'; message: string }
  | { ok: false; reason: 'conflict'; message: string; allowed: FlagAction[] };

/** Actions the state allows, whoever asks. */
export function actionsFrom(status: FlagStatus): FlagAction[] {
  return ACTIONS.filter((action) => FLAG_TRANSITIONS[action].from.includes(status));
}

/**
 * Every action decides the flag's fate (assigning too: it picks who decides), so each needs the
 * review ability and someone other than the raiser — a reviewer cannot judge their own flag.
 */
export function mayDecide(decider: FlagDecider, flag: Pick<FlagRef, 'raisedBy'>): boolean {
  return can(decider.role, Action.Review) && decider.userId !== flag.raisedBy;
}

/** What `decider` may do with `flag` now: returned with every link as `abilities.transition`. */
export function allowedActions(decider: FlagDecider, flag: FlagRef): FlagAction[] {
  return mayDecide(decider, flag) ? actionsFrom(flag.status) : [];
}

export function decideTransition(decider: FlagDecider, flag: FlagRef, action: FlagAction): TransitionOutcome {
  if (!can(decider.role, Action.Review)) return { ok: false, reason: 'forbidden', message: 'Your role cannot decide contradiction flags' };
  if (decider.userId === flag.raisedBy) return { ok: false, reason: 'forbidden', message: 'You raised this flag; someone else decides it' };
  const edge = FLAG_TRANSITIONS[action];
  if (!edge.from.includes(flag.status)) {
    return { ok: false, reason: 'conflict', message: `Cannot ${action} a flag that is ${flag.status}`, allowed: actionsFrom(flag.status) };
  }
  return { ok: true, to: edge.to };
}
