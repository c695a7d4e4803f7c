import { useQuery } from '@tanstack/react-query';
import { Command } from 'cmdk';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, scopeKey, unwrap } from '../../lib/api';
import { t } from '../../lib/i18n';
import { useCan } from '../../lib/session';
import { looksLikeEmail, targetOf } from './targets';

/**
 * "Find anything": the one search box, always in the top bar (Ctrl-K or ⌘-K
 * focuses it). An id opens its page on Enter; an email or a name lists the
 * customers it matches, by exact email or by prefix, as the API searches.
 */
export function SearchBox() {
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [debounced, setDebounced] = useState('');
  const canCustomers = useCan('customers', 'read');

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const target = targetOf(text);
  const lookup = canCustomers && !target && debounced.length >= 2;
  const customers = useQuery({
    queryKey: [scopeKey(), 'search', debounced],
    enabled: lookup,
    queryFn: () =>
      unwrap(
        api.GET('/customers', {
          params: { query: looksLikeEmail(debounced) ? { email: debounced, limit: 8 } : { q: debounced, limit: 8 } },
        }),
      ),
  });

  const go = (path: string) => {
    setText('');
    setOpen(false);
    input.current?.blur();
    navigate(path);
  };
  const found = customers.data?.data ?? [];
  const showList = open && text.trim().length > 0;

  return (
    <Command
      className="search"
      label={t.app.search.label}
      shouldFilter={false}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          setText('');
          input.current?.blur();
        }
      }}
    >
      <div className="search-input">
        <Command.Input
          ref={input}
          value={text}
          onValueChange={(v) => {
            setText(v);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          placeholder={t.app.search.placeholder}
          aria-label={t.app.search.label}
        />
        <span className="kbd" aria-hidden="true">
          {t.app.search.shortcut}
        </span>
      </div>
      {/* Always rendered (hidden while closed), so the input's aria-controls names an element that exists. */}
      <Command.List className="search-results" hidden={!showList}>
        {showList ? (
          <>
            {target ? (
              <Command.Item value={target.path} onSelect={() => go(target.path)}>
                <span>{t.app.search.open(`${target.kind} ${text.trim()}`)}</span>
                <span className="kbd">↵</span>
              </Command.Item>
            ) : null}
            {lookup && customers.isFetching && found.length === 0 ? <Command.Loading>{t.app.search.searching}</Command.Loading> : null}
            {found.length > 0 && !target ? (
              <Command.Group heading={t.app.search.customersMatching}>
                {found.map((c) => (
                  <Command.Item key={c.id} value={c.id} onSelect={() => go(`/customers/${c.id}`)}>
                    <span>{c.name ? `${c.name} · ${c.email}` : c.email}</span>
                    <span className="muted mono">{c.id}</span>
                  </Command.Item>
                ))}
              </Command.Group>
            ) : null}
            {!target && !customers.isFetching && (debounced.length < 2 || found.length === 0) ? (
              <p className="search-empty">{debounced.length < 2 ? t.app.search.hint : t.app.search.noResults}</p>
            ) : null}
          </>
        ) : null}
      </Command.List>
    </Command>
  );
}
