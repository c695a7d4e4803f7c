import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { choiceFromSearch, choiceToSearch, type PeriodChoice } from './period';

/** The period chosen on this page, kept in its URL so that a link or a reload keeps it. */
export function usePeriodChoice(): [PeriodChoice, (choice: PeriodChoice) => void] {
  const [params, setParams] = useSearchParams();
  // The search string is the identity: the same choice object while it does not change.
  const search = params.toString();
  const choice = useMemo(() => choiceFromSearch(new URLSearchParams(search)), [search]);
  const setChoice = useCallback(
    (next: PeriodChoice) => setParams((current) => choiceToSearch(next, current), { replace: true }),
    [setParams],
  );
  return [choice, setChoice];
}
