import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { isApiError } from '../../../lib/api';
import { Button, Dialog, Field, FormProblem } from '../../../lib/components';
import { applyApiErrors } from '../../../lib/forms';
import { t } from '../../../lib/i18n';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { useCreateEnvironment } from './queries';

const copy = t.settings.environments;

const schema = z.object({
  name: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, copy.nameInvalid),
  kind: z.enum(['production', 'sandbox']),
});
type Values = z.infer<typeof schema>;

/** "Create environment": name + kind (POST /environments). A taken name is the API's 409, shown beside the name. */
export function CreateEnvironmentDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const formId = useId();
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { name: '', kind: 'sandbox' } });
  const create = useCreateEnvironment();
  const submitKey = useIdempotencyKey();
  const [problem, setProblem] = useState<string>();
  const { errors } = form.formState;

  const close = () => {
    form.reset();
    setProblem(undefined);
    onClose();
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    try {
      const environment = await create.mutateAsync({ body: values, key: submitKey.keyFor(values) });
      submitKey.done();
      toast.success(copy.created(environment.name));
      close();
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        form.setError('name', { type: 'server', message: error.message });
        return;
      }
      setProblem(applyApiErrors(error, form.setError, ['name', 'kind']));
    }
  });

  return (
    <Dialog
      open={open}
      onClose={close}
      title={copy.create}
      footer={
        <>
          <Button onClick={close}>{t.common.cancel}</Button>
          <Button type="submit" form={formId} variant="primary" busy={form.formState.isSubmitting}>
            {copy.create}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={onSubmit} noValidate>
        <FormProblem message={problem} />
        <Field label={copy.name} error={errors.name?.message} hint={copy.nameHint}>
          <input type="text" autoComplete="off" spellCheck={false} {...form.register('name')} />
        </Field>
        <Field label={copy.kind} error={errors.kind?.message} hint={copy.kindHint}>
          <select {...form.register('kind')}>
            <option value="sandbox">{copy.kinds.sandbox}</option>
            <option value="production">{copy.kinds.production}</option>
          </select>
        </Field>
      </form>
    </Dialog>
  );
}
