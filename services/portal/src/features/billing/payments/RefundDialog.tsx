import type { Schema } from '../../../lib/api';
import { Dialog } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { RefundForm } from './RefundForm';

/** "Process refund" in a dialog: from the payments list or a payment's page. */
export function RefundDialog({ payment, open, onClose, onRefunded }: { payment: Schema<'Payment'> | undefined; open: boolean; onClose: () => void; onRefunded?: (refund: Schema<'Refund'>) => void }) {
  return (
    <Dialog open={open && Boolean(payment)} onClose={onClose} title={t.billing.refund.title}>
      {payment ? (
        <RefundForm
          key={`${payment.id}:${payment.amountRefunded}`}
          payment={payment}
          onCancel={onClose}
          onDone={(refund) => {
            onClose();
            onRefunded?.(refund);
          }}
        />
      ) : null}
    </Dialog>
  );
}
