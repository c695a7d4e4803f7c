import { render } from '@testing-library/react';
import { HostedApiProvider } from '../api/context';
import { HostedApp } from '../HostedApp';

/** The hosted app at `path` (as the browser would open it), its calls answered by `fetch`. */
export function renderHosted(path: string, fetch: (request: Request) => Promise<Response>) {
  window.history.replaceState(null, '', path);
  return render(
    <HostedApiProvider fetch={fetch}>
      <HostedApp />
    </HostedApiProvider>,
  );
}

export const SECRET = `hs_${'a'.repeat(43)}`;

/** The document as a test found it: the pages set its theme class, language, title and address (vitest shares one jsdom per worker). */
export function resetDocument() {
  document.documentElement.className = '';
  document.documentElement.lang = '';
  document.title = '';
  window.history.replaceState(null, '', '/');
}
