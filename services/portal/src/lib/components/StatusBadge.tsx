const TONES: Record<string, 'good' | 'warn' | 'bad' | 'neutral' | 'info'> = {
  active: 'good',
  paid: 'good',
  succeeded: 'good',
  enabled: 'good',
  complete: 'good',
  resolved: 'good',
  trialing: 'info',
  draft: 'neutral',
  open: 'info',
  pending: 'warn',
  paused: 'warn',
  past_due: 'warn',
  incomplete: 'warn',
  partially_refunded: 'warn',
  refunded: 'neutral',
  archived: 'neutral',
  ended: 'neutral',
  canceled: 'neutral',
  void: 'neutral',
  revoked: 'neutral',
  disabled: 'neutral',
  failed: 'bad',
  incomplete_expired: 'bad',
  uncollectible: 'bad',
  high: 'bad',
  normal: 'neutral',
  low: 'neutral',
};

/** A status as a word with a colour; the word carries the meaning, never the colour alone. */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return <span className={`badge badge-${TONES[status] ?? 'neutral'}`}>{label ?? status.replace(/_/g, ' ')}</span>;
}
