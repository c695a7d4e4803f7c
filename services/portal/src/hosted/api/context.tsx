import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createHostedClient, type HostedClient } from './client';

type Fetcher = (request: Request) => Promise<Response>;

const FetchContext = createContext<Fetcher | undefined>(undefined);

/** Lets a test answer the pages' calls (openapi-fetch's `fetch` option); the pages use the browser's fetch otherwise. */
export function HostedApiProvider({ fetch, children }: { fetch: Fetcher; children: ReactNode }) {
  return <FetchContext.Provider value={fetch}>{children}</FetchContext.Provider>;
}

/** The client for one session's secret. */
export function useHostedClient(secret: string): HostedClient {
  const fetcher = useContext(FetchContext);
  return useMemo(() => createHostedClient(secret, fetcher), [secret, fetcher]);
}
