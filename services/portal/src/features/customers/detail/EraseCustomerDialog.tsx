import { useState } from 'react';
import { toast } from 'sonner';
import type { Schema } from '../../../lib/api';
import { ConfirmDialog, FormProblem } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useEraseCustomer } from '../api/mutations';

const text = t.customers.erase;

/** Asks before DELETE /customers/{id}, naming what is removed for good and what stays. */
export function EraseCustomerDialog({ customer, open, onClose }: { customer: Schema<'Customer'>; open: boolean; onClose: () => void }) {
  const erase = useEraseCustomer(customer.id);
  const [problem, setProblem] = useState<string>();
  const who = customer.email ?? customer.id;
  return (
    <ConfirmDialog
      open={open}
      onClose={() => {
        setProblem(undefined);
        onClose();
      }}
      title={text.title}
      confirmLabel={text.confirm}
      danger
      busy={erase.isPending}
      onConfirm={async () => {
        setProblem(undefined);
        try {
          await erase.mutateAsync();
          toast.success(text.done);
          onClose();
        } catch (error) {
          setProblem(error instanceof Error ? error.message : String(error));
        }
      }}
    >
      <FormProblem message={problem} />
      <p>
        <strong>{text.lead(who)}</strong>
      </p>
      <div className="cus-erase-lists">
        <div>
          <h3>{text.removed}</h3>
          <ul>
            {text.removedItems.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
        <div>
          <h3>{text.kept}</h3>
          <ul>
            {text.keptItems.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      </div>
    </ConfirmDialog>
  );
}
