import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Button, Dialog, Field, FormProblem } from '../../../lib/components';
import { applyApiErrors } from '../../../lib/forms';
import { t } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { RoleOptions } from '../shared/RoleOptions';
import { TENANT_ROLES } from '../shared/roles';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { useCreateApiKey, type CreatedApiKey } from './queries';

const copy = t.settings.apiKeys.form;

const schema = z.object({
  name: z.string().trim().min(1, t.common.required).max(100),
  role: z.enum(TENANT_ROLES),
  environment: z.string().min(1, t.common.required),
});
type Values = z.infer<typeof schema>;

/** "Create API key": name, role, environment (POST /api-keys); the new key goes to `onCreated`, once. */
export function CreateApiKeyDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (key: CreatedApiKey) => void }) {
  const formId = useId();
  const me = useMe().data;
  const environments = me?.environments ?? [];
  const defaults: Values = { name: '', role: 'viewer', environment: me?.environment?.name ?? environments[0]?.name ?? '' };
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: defaults });
  const create = useCreateApiKey();
  const submitKey = useIdempotencyKey();
  const [problem, setProblem] = useState<string>();
  const { errors } = form.formState;

  const close = () => {
    form.reset(defaults);
    setProblem(undefined);
    onClose();
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    try {
      const created = await create.mutateAsync({ body: values, key: submitKey.keyFor(values) });
      submitKey.done();
      // The key leaves this component at once: the mutation forgets it.
      create.reset();
      close();
      onCreated(created);
    } catch (error) {
      setProblem(applyApiErrors(error, form.setError, ['name', 'role', 'environment']));
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
        <Field label={copy.name} error={errors.name?.message} hint={copy.nameHint}>
          <input type="text" autoComplete="off" {...form.register('name')} />
        </Field>
        <div className="grid-2">
          <Field label={copy.role} error={errors.role?.message} hint={t.settings.users.roleHelp[form.watch('role')]}>
            <select {...form.register('role')}>
              <RoleOptions />
            </select>
          </Field>
          <Field label={copy.environment} error={errors.environment?.message}>
            <select {...form.register('environment')}>
              {environments.map((env) => (
                <option key={env.id} value={env.name}>
                  {env.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </form>
    </Dialog>
  );
}
