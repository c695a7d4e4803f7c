import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { isApiError } from '../../../lib/api';
import { Button, Dialog, Field, FormProblem } from '../../../lib/components';
import { applyApiErrors } from '../../../lib/forms';
import { t } from '../../../lib/i18n';
import { RoleOptions } from '../shared/RoleOptions';
import { TENANT_ROLES } from '../shared/roles';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { useCreateUser } from './queries';

const copy = t.settings.users.form;

const schema = z.object({
  email: z.string().trim().pipe(z.email(copy.emailInvalid)),
  password: z.string().min(10, copy.passwordShort).max(1024),
  name: z.string().trim().max(200),
  role: z.enum(TENANT_ROLES),
});
type Values = z.infer<typeof schema>;

const EMPTY: Values = { email: '', password: '', name: '', role: 'viewer' };

/** "Add user": email, password (at least 10 characters), name and role (POST /users). */
export function AddUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const formId = useId();
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: EMPTY });
  const create = useCreateUser();
  const submitKey = useIdempotencyKey();
  const [problem, setProblem] = useState<string>();
  const role = useWatch({ control: form.control, name: 'role' });
  const { errors } = form.formState;

  const close = () => {
    form.reset(EMPTY);
    setProblem(undefined);
    onClose();
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    const body = { email: values.email, password: values.password, role: values.role, ...(values.name ? { name: values.name } : {}) };
    try {
      const user = await create.mutateAsync({ body, key: submitKey.keyFor(body) });
      submitKey.done();
      toast.success(copy.added(user.email));
      close();
    } catch (error) {
      // A taken email is a 409 without field errors: it belongs beside the email.
      if (isApiError(error) && error.status === 409) {
        form.setError('email', { type: 'server', message: error.message });
        return;
      }
      setProblem(applyApiErrors(error, form.setError, ['email', 'password', 'name', 'role']));
    }
  });

  return (
    <Dialog
      open={open}
      onClose={close}
      title={copy.title}
      footer={
        <>
          <Button onClick={close}>{t.common.cancel}</Button>
          <Button type="submit" form={formId} variant="primary" busy={form.formState.isSubmitting} busyLabel={copy.submitting}>
            {copy.submit}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={onSubmit} noValidate>
        <FormProblem message={problem} />
        <Field label={copy.email} error={errors.email?.message}>
          <input type="email" autoComplete="off" spellCheck={false} {...form.register('email')} />
        </Field>
        <Field label={copy.name} error={errors.name?.message}>
          <input type="text" autoComplete="off" {...form.register('name')} />
        </Field>
        <Field label={copy.password} error={errors.password?.message} hint={copy.passwordHint}>
          <input type="password" autoComplete="new-password" {...form.register('password')} />
        </Field>
        <Field label={copy.role} error={errors.role?.message} hint={t.settings.users.roleHelp[role]}>
          <select {...form.register('role')}>
            <RoleOptions />
          </select>
        </Field>
      </form>
    </Dialog>
  );
}
