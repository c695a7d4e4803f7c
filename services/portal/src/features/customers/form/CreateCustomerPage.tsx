import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, Navigate, useNavigate } from 'react-router';
import { toast } from 'sonner';
import { Button, Card, FormProblem, PageHeader } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useCreateCustomer } from '../api/mutations';
import { customerSchema, emptyCustomer, placeCustomerErrors, toCreateBody, type CustomerValues } from './customer-form';
import { CustomerFields } from './CustomerFields';
import '../customers.css';

const text = t.customers.newCustomer;

/** /customers/new: the customer form; on success, the new customer's page. */
export function CreateCustomerPage() {
  const navigate = useNavigate();
  const canWrite = useCan('customers', 'write');
  const form = useForm<CustomerValues>({ resolver: zodResolver(customerSchema), defaultValues: emptyCustomer });
  const create = useCreateCustomer();
  const [problem, setProblem] = useState<string>();

  if (!canWrite) return <Navigate to="/customers" replace />;

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    try {
      const customer = await create.mutateAsync(toCreateBody(values));
      toast.success(text.created(customer.email ?? customer.id));
      navigate(`/customers/${customer.id}`);
    } catch (error) {
      setProblem(placeCustomerErrors(error, form.setError) || undefined);
    }
  });

  return (
    <>
      <PageHeader title={text.title} description={text.description} breadcrumb={<Link to="/customers">{t.customers.page.breadcrumb}</Link>} />
      <Card className="cus-form-card">
        <form className="form" onSubmit={onSubmit} noValidate>
          <FormProblem message={problem} />
          <CustomerFields form={form} />
          <div className="form-actions">
            <Link to="/customers" className="btn btn-secondary">
              {t.common.cancel}
            </Link>
            <Button type="submit" variant="primary" busy={create.isPending} busyLabel={text.submitting}>
              {text.submit}
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}
