import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../lib/api';
import { Button } from '../../lib/components';
import { t } from '../../lib/i18n';
import { roleName, type Me } from '../../lib/session';

/** Who is signed in (user, tenant, role) and Sign out. */
export function UserMenu({ me }: { me: Me }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => unwrap(api.POST('/auth/logout')),
    onSettled: () => {
      queryClient.clear();
      navigate('/sign-in', { replace: true });
    },
  });
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => ref.current && !ref.current.contains(e.target as Node) && setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  const who = me.user?.name || me.user?.email || me.apiKey?.name || '';
  return (
    <div className="user-menu" ref={ref}>
      <Button variant="ghost" aria-expanded={open} aria-haspopup="true" onClick={() => setOpen((o) => !o)}>
        <span>
          {t.app.userMenu}
          <span className="account-who">: {who}</span>
        </span>
      </Button>
      {open ? (
        <div className="user-menu-panel" role="region" aria-label={t.app.userMenu}>
          <p>{t.app.signedInAs(me.user?.email ?? who)}</p>
          {me.tenant ? (
            <p>
              {t.app.tenantLabel}: <strong>{me.tenant.name}</strong>
            </p>
          ) : null}
          <p>{t.app.role(me.platformAdmin && !me.tenant ? t.app.platformAdmin : roleName(me.role))}</p>
          <Button onClick={() => signOut.mutate()} busy={signOut.isPending}>
            {t.app.signOut}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
