import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { Toaster } from 'sonner';
import { createQueryClient } from './query-client';
import { createRouter } from './router';
import { ScopeProvider } from '../lib/scope';

export function App() {
  const [queryClient] = useState(createQueryClient);
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
