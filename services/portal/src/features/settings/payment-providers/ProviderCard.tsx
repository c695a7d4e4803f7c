import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { Button, Card, ConfirmDialog, FormProblem } from '../../../lib/components';
import { applyApiErrors } from '../../../lib/forms';
import { t } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { CredentialsFields } from './CredentialsFields';
import { credentialApiErrors, credentialRowsSchema, rowsToCredentials } from './credentials';
import { usePutPaymentProvider, type PaymentProvider } from './queries';

const copy = t.settings.providers;

// `enabled` may come back undefined from a disabled checkbox (the always-on sandbox): it is decided below.
const schema = z.object({ enabled: z.boolean().optional(), credentials: credentialRowsSchema });
type Values = z.infer<typeof schema>;

const blank = (provider: PaymentProvider): Values => ({ enabled: provider.enabled, credentials: [{ key: '', value: '' }] });

export const providerName = (provider: string) => copy.names[provider] ?? provider;

/**
 * One provider in the tab's environment: enabled, configured, the masked hint
 * of stored credentials, and a form to enable it and set new credentials.
 */
export function ProviderCard({ provider, environmentKind }: { provider: PaymentProvider; environmentKind: 'production' | 'sandbox' | undefined }) {
  const name = providerName(provider.provider);
  const canWrite = useCan('administration', 'write');
  // The API refuses to turn the built-in sandbox off in a sandbox environment: it is not offered.
  const alwaysOn = provider.provider === 'sandbox' && environmentKind === 'sandbox';
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: blank(provider) });
  const put = usePutPaymentProvider(provider.provider);
  const [problem, setProblem] = useState<string>();
  const [removing, setRemoving] = useState(false);
  const enabledId = useId();
  const hintId = useId();
  const hint = typeof provider.details.credentialsHint === 'string' ? provider.details.credentialsHint : undefined;
  const otherDetails = Object.entries(provider.details).filter(([key]) => key !== 'credentialsHint');

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    const credentials = rowsToCredentials(values.credentials);
    const enabled = alwaysOn || values.enabled === true;
    try {
      const saved = await put.mutateAsync({ enabled, ...(credentials ? { credentials } : {}) });
      // Never prefilled: what was typed is gone, only the hint comes back.
      form.reset(blank(saved));
      toast.success(copy.saved(name));
    } catch (error) {
      const errs = credentialApiErrors(values.credentials);
      setProblem(applyApiErrors(error, form.setError, errs.fields, errs.rename));
    }
  });

  const removeStored = () =>
    put.mutate(
      { enabled: alwaysOn || form.getValues('enabled') === true, credentials: {} },
      {
        onSuccess: (saved) => {
          form.reset(blank(saved));
          toast.success(copy.removed(name));
          setRemoving(false);
        },
        onError: (error) => {
          setProblem(error.message);
          setRemoving(false);
        },
      },
    );

  return (
    <Card
      title={name}
      actions={
        <>
          {provider.enabled ? <span className="badge badge-good">{copy.enabled}</span> : <span className="badge badge-neutral">{copy.disabled}</span>}
          {provider.configured ? <span className="badge badge-info">{copy.configured}</span> : <span className="badge badge-warn">{copy.notConfigured}</span>}
        </>
      }
    >
      <dl className="settings-facts settings-facts-row">
        <div>
          <dt>{copy.hint}</dt>
          <dd>{hint ? <code>{hint}</code> : <span className="muted">{copy.noCredentials}</span>}</dd>
        </div>
        {otherDetails.map(([key, value]) => (
          <div key={key}>
            <dt>{copy.detailsLabel(key)}</dt>
            <dd>{typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value)}</dd>
          </div>
        ))}
      </dl>
      {canWrite ? (
        <FormProvider {...form}>
          <form className="form settings-provider-form" onSubmit={onSubmit} noValidate>
            <FormProblem message={problem} />
            <div className="settings-toggle">
              <input id={enabledId} type="checkbox" role="switch" disabled={alwaysOn} aria-describedby={alwaysOn ? hintId : undefined} {...form.register('enabled')} />
              <label htmlFor={enabledId}>{copy.enabledLabel(name)}</label>
              {alwaysOn ? (
                <span id={hintId} className="field-hint">
                  {copy.alwaysOn}
                </span>
              ) : null}
            </div>
            <CredentialsFields />
            <div className="form-actions">
              {hint ? (
                <Button onClick={() => setRemoving(true)}>
                  {copy.removeStored}
                </Button>
              ) : null}
              <Button type="submit" variant="primary" busy={form.formState.isSubmitting} busyLabel={t.common.saving}>
                {copy.save}
              </Button>
            </div>
          </form>
        </FormProvider>
      ) : null}
      <ConfirmDialog
        open={removing}
        title={copy.removeStoredTitle(name)}
        confirmLabel={copy.removeStored}
        onConfirm={removeStored}
        onClose={() => setRemoving(false)}
        busy={put.isPending}
        danger
      >
        <p>{copy.removeStoredBody}</p>
      </ConfirmDialog>
    </Card>
  );
}
