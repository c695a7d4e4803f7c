import { useState } from 'react';
import { toast } from 'sonner';
import { Button, ConfirmDialog } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useMoveCampaign, type Campaign, type CampaignStatus, type Move } from '../api/campaigns';

const a = t.campaigns.actions;

/** The moves the lifecycle allows from each status (draft → active ⇄ paused → ended; a draft may be ended). */
const MOVES_FROM: Record<CampaignStatus, Move[]> = {
  draft: ['activate', 'end'],
  active: ['pause', 'end'],
  paused: ['activate', 'end'],
  ended: [],
};

const DONE: Record<Move, string> = { activate: a.activated, pause: a.paused, end: a.ended };

/**
 * Activate, Pause and End, for the roles with campaignOperations write
 * (Operators too). Ending is final, so it asks first.
 */
export function StatusActions({ campaign, onError }: { campaign: Campaign; onError(error: unknown): void }) {
  const allowed = useCan('campaignOperations', 'write');
  const move = useMoveCampaign(campaign.id);
  const [confirming, setConfirming] = useState(false);
  if (!allowed) return null;
  const moves = MOVES_FROM[campaign.status];
  if (moves.length === 0) return null;

  const run = (m: Move) => {
    onError(undefined);
    move.mutate(m, {
      onSuccess: () => toast.success(DONE[m]),
      onError,
      onSettled: () => setConfirming(false),
    });
  };
  const busy = (m: Move) => move.isPending && move.variables === m;

  return (
    <div className="row cmp-status-actions" role="group" aria-label={a.label}>
      {moves.includes('activate') ? (
        <Button variant="primary" busy={busy('activate')} disabled={move.isPending} onClick={() => run('activate')}>
          {a.activate}
        </Button>
      ) : null}
      {moves.includes('pause') ? (
        <Button busy={busy('pause')} disabled={move.isPending} onClick={() => run('pause')}>
          {a.pause}
        </Button>
      ) : null}
      {moves.includes('end') ? (
        <Button variant="danger" disabled={move.isPending} onClick={() => setConfirming(true)}>
          {a.end}
        </Button>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={a.endTitle}
        confirmLabel={a.endConfirm}
        danger
        busy={busy('end')}
        onConfirm={() => run('end')}
        onClose={() => setConfirming(false)}
      >
        <p>{a.endBody(campaign.name)}</p>
      </ConfirmDialog>
    </div>
  );
}
