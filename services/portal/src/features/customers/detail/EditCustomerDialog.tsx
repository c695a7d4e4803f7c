import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { Schema } from '../../../lib/api';
import { Button, Dialog, FormProblem } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useUpdateCustomer } from '../api/mutations';
import { customerSchema, placeCustomerErrors, toUpdateBody, valuesOf, type CustomerValues } from '../form/customer-form';
import { CustomerFields } from '../form/CustomerFields';

const text = t.customers.edit;

/** Edits the profile and metadata; only what changed is sent (metadata merges key by key). */
export function EditCustomerDialog({ customer, open, onClose }: { customer: Schema<'Customer'>; open: boolean; onClose: () => void }) {
  const form = useForm<CustomerValues>({ resolver: zodResolver(customerSchema), defaultValues: valuesOf(customer) });
  const update = useUpdateCustomer(customer.id);
  const [problem, setProblem] = useState<string>();

  // Each opening starts from the customer as it is now.
  useEffect(() => {
    if (open) {
      form.reset(valuesOf(customer));
      setProblem(undefined);
    }
  }, [open, customer, form]);

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    const body = toUpdateBody(customer, values);
    if (Object.keys(body).length === 0) return onClose();
    try {
      await update.mutateAsync(body);
      toast.success(text.saved);
      onClose();
    } catch (error) {
      setProblem(placeCustomerErrors(error, form.setError) || undefined);
    }
  });

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={text.title}
      size="wide"
      footer={
        <>
          <Button onClick={onClose}>{t.common.cancel}</Button>
          <Button type="submit" form="edit-customer" variant="primary" busy={update.isPending} busyLabel={t.common.saving}>
            {text.submit}
          </Button>
        </>
      }
    >
      <form id="edit-customer" className="form" onSubmit={onSubmit} noValidate>
        <FormProblem message={problem} />
        <CustomerFields form={form} />
      </form>
    </Dialog>
  );
}
