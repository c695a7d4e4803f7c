import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { api, isApiError, unwrap } from '../../lib/api';
import { Button, Field, FormProblem } from '../../lib/components';
import { applyApiErrors } from '../../lib/forms';
import { t } from '../../lib/i18n';

const SignIn = z.object({
  email: z.string().trim().min(1, t.common.required).email('must be an email address'),
  password: z.string().min(1, t.common.required),
});
type SignIn = z.infer<typeof SignIn>;

/** Only a path of this site is a place to return to (never another origin). */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<SignIn>({ resolver: zodResolver(SignIn), defaultValues: { email: '', password: '' } });
  useEffect(() => {
    document.title = `${t.app.signIn.title} · ${t.common.appName}`;
  }, []);
  const signIn = useMutation({
    // The answer's access token is for API clients; the portal's credential is the HttpOnly cookie it sets.
    mutationFn: (body: SignIn) => unwrap(api.POST('/auth/login', { body })),
    onSuccess: async () => {
      queryClient.clear();
      navigate(safeNext(params.get('next')), { replace: true });
    },
  });
  const problem = signIn.error
    ? isApiError(signIn.error) && signIn.error.status === 401
      ? t.app.signIn.failed
      : applyApiErrors(signIn.error, form.setError, ['email', 'password'])
    : params.get('reason') === 'expired'
      ? t.app.signIn.sessionEnded
      : undefined;
  const errors = form.formState.errors;
  return (
    <main className="sign-in" id="main">
      <div className="card">
        <p className="brand">
          <img src="/favicon.svg" alt="" width={26} height={26} /> Azotte
        </p>
        <h1>{t.app.signIn.title}</h1>
        <form className="form" noValidate onSubmit={form.handleSubmit((values) => signIn.mutate(values))}>
          <FormProblem message={problem} />
          <Field label={t.app.signIn.email} error={errors.email?.message}>
            <input type="email" autoComplete="username" {...form.register('email')} />
          </Field>
          <Field label={t.app.signIn.password} error={errors.password?.message}>
            <input type="password" autoComplete="current-password" {...form.register('password')} />
          </Field>
          <Button type="submit" variant="primary" busy={signIn.isPending} busyLabel={t.app.signIn.submitting}>
            {t.app.signIn.submit}
          </Button>
        </form>
      </div>
    </main>
  );
}
