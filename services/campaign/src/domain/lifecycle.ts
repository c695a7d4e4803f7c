import { invalidTransition } from './errors';

/**
 * A campaign's lifecycle:
 *
 *   draft ──activate──▶ active ◀──activate── paused
 *     │                   │ ──pause──────────▶ │
 *     └──────end──────────┴──────end───────────┘──▶ ended (final)
 *
 * A draft may be ended (discarded) without ever running. Anything else, a
 * move to the status the campaign already has included, is a 409
 * `invalid_transition`.
 */
export const STATUSES = ['draft', 'active', 'paused', 'ended'] as const;
export type Status = (typeof STATUSES)[number];

export const ACTIONS = ['activate', 'pause', 'end'] as const;
export type Action = (typeof ACTIONS)[number];

const TRANSITIONS: Record<Action, { from: readonly Status[]; to: Status; past: string }> = {
  activate: { from: ['draft', 'paused'], to: 'active', past: 'activated' },
  pause: { from: ['active'], to: 'paused', past: 'paused' },
  end: { from: ['draft', 'active', 'paused'], to: 'ended', past: 'ended' },
};

/** The status after `action`, or undefined when the action is not allowed from `from`. */
export function transition(from: Status, action: Action): Status | undefined {
  const t = TRANSITIONS[action];
  return t.from.includes(from) ? t.to : undefined;
}

/** The status after `action`; throws 409 `invalid_transition` when it is not allowed. */
export function nextStatus(from: Status, action: Action): Status {
  const to = transition(from, action);
  if (!to) throw invalidTransition(from, TRANSITIONS[action].past);
  return to;
}

/** An ended campaign is final: it cannot be edited. */
export const isEditable = (status: Status): boolean => status !== 'ended';

/** Variants are fixed once a campaign has run: customers already assigned keep their variant. */
export const variantsEditable = (status: Status): boolean => status === 'draft';
