import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { Toaster } from 'sonner';
import { createQueryClient } from './query-client';
import { createRouter } from './router';
import { ScopeProvider } from '../lib/scope';
import { hasSession, meQuery } from '../lib/session';

export function App() {
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    // Who is signed in is the first thing every page needs: asked while the page's code loads.
    if (hasSession()) void client.prefetchQuery(meQuery());
    return client;
  });
  const [router] = useState(createRouter);
  return (
    <QueryClientProvider client={queryClient}>
      <ScopeProvider>
        <RouterProvider router={router} />
        <Toaster position="top-right" richColors closeButton />
      </ScopeProvider>
    </QueryClientProvider>
  );
}
