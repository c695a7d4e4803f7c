import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run dev -w @azotte/portal` proxies /api to a running gateway (npm start), so the
// session cookie and the API share the dev server's origin as they share the gateway's.
// Set TRUSTED_ORIGINS=http://localhost:5173 on the gateway for cookie-signed writes from it.
const gateway = process.env.AZOTTE_GATEWAY_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The one table of ISO 4217 minor units, shared with the services (money is parsed with it).
    alias: { '@azotte/currencies': fileURLToPath(new URL('../common/src/money/currencies.ts', import.meta.url)) },
  },
  server: {
    port: Number(process.env.PORTAL_DEV_PORT ?? 5173),
    proxy: { '/api': { target: gateway, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // A warning for any chunk above 250 kB before compression (the gzipped budget is checked in the bench).
    chunkSizeWarningLimit: 250,
    // Two apps: the portal, and the hosted checkout and customer pages (src/hosted), whose bundle shares
    // nothing of the portal's but React, the money helpers and openapi-fetch.
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        hosted: fileURLToPath(new URL('hosted.html', import.meta.url)),
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // One jsdom per worker, not per file: every test cleans up after itself (src/test/setup.ts).
    isolate: false,
  },
});
