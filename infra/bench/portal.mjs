// Portal benchmark: what a person waits for, in Debian's Chromium driven headless by
// playwright-core, against every service run as processes with the built portal, beside a bare
// Express page holding one button in the same run (the browser's own floor on this machine).
//   - the initial JavaScript and CSS, gzipped (what the first page must download);
//   - time to interactive of the sign-in page and of the signed-in dashboard, cold (a new browser
//     context each time: no cache) and warm (the same context again);
//   - a list of 100 customers: time until its 100 rows are on screen, and the longest task meanwhile.
import express from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fmt, freePort, percentile, PLATFORM_SERVICES, platformEnvironment, ROOT, startService, waitUntil } from './lib.mjs';

const DIST = join(ROOT, 'services/portal/dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_PORTAL_RUNS ?? 10);

/** The files index.html makes the browser fetch before the app runs: its entry script, its preloads and its CSS. */
export function initialAssets(dist = DIST) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  return [...new Set(refs)].map((ref) => {
    const body = readFileSync(join(dist, ref));
    return { ref, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

async function measure(runs, once) {
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await once(i));
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p90: percentile(times, 90) };
}

export async function portalBench({ databaseUrl, amqpUrl, id }) {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('the portal is not built: npm run build');
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const { chromium } = await import('playwright-core');
  const assets = initialAssets();
  const js = assets.filter((a) => a.ref.endsWith('.js'));
  const css = assets.filter((a) => a.ref.endsWith('.css'));
  const sum = (list, key) => list.reduce((n, a) => n + a[key], 0);

  const env = { ...(await platformEnvironment({ databaseUrl, amqpUrl, id })), JWT_SECRET: 'portal-bench-secret-that-is-long-enough' };
  const services = PLATFORM_SERVICES.map((name) => startService(name, env));
  const origin = `http://127.0.0.1:${env.GATEWAY_PORT}`;
  const api = `${origin}/api/v1`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
  });
  let baselineServer;
  try {
    await waitUntil(async () => (await fetch(`${api}/readyz`)).ok, 60_000);
    const post = async (path, token, body) => {
      const res = await fetch(`${api}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path} → ${res.status} ${await res.text()}`);
      return res.json();
    };
    const root = (await post('/auth/login', undefined, { email: 'bench@azotte.test', password: 'bench-password' })).accessToken;
    const owner = { email: 'owner@portal-bench.test', password: 'owner-password' };
    await post('/tenants', root, { name: 'Portal bench', slug: 'portal-bench', reportingCurrency: 'EUR', admin: owner });
    const token = (await post('/auth/login', undefined, owner)).accessToken;
    for (let i = 0; i < 100; i += 10) {
      await Promise.all(Array.from({ length: 10 }, (_, j) => post('/customers', token, { email: `c${i + j}@portal-bench.test`, name: `Customer ${i + j}` })));
    }

    // The floor: a bare Express page with one button, loaded by the same browser.
    const app = express();
    app.get('/', (_req, res) => res.type('html').send('<!doctype html><title>b</title><button>Sign in</button>'));
    const basePort = await freePort();
    baselineServer = await new Promise((r) => {
      const s = app.listen(basePort, '127.0.0.1', () => r(s));
    });

    const newPage = async () => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      return { context, page: await context.newPage() };
    };
    // Milliseconds from the navigation's start until the control is on screen and enabled.
    const interactive = async (page, url, locate) => {
      await page.goto(url, { waitUntil: 'commit' });
      const control = locate(page);
      await control.waitFor({ state: 'visible' });
      await page.waitForFunction((el) => el && !el.disabled, await control.elementHandle());
      return page.evaluate(() => performance.now());
    };
    const signInButton = (page) => page.getByRole('button', { name: 'Sign in' });

    const baselineCold = await measure(RUNS, async () => {
      const { context, page } = await newPage();
      const t = await interactive(page, `http://127.0.0.1:${basePort}/`, signInButton);
      await context.close();
      return t;
    });
    const signInCold = await measure(RUNS, async () => {
      const { context, page } = await newPage();
      const t = await interactive(page, `${origin}/sign-in`, signInButton);
      await context.close();
      return t;
    });

    // Signed in once through the page; then the dashboard, cold (new context with the cookie) and warm.
    const { context: signedIn, page: first } = await newPage();
    await first.goto(`${origin}/sign-in`);
    await first.getByLabel('Email').fill(owner.email);
    await first.getByLabel('Password').fill(owner.password);
    await first.getByRole('button', { name: 'Sign in' }).click();
    await first.getByRole('combobox', { name: 'Environment' }).waitFor();
    const cookies = await signedIn.cookies();
    const searchBox = (page) => page.getByRole('combobox', { name: 'Search' });
    const dashboardFigure = (page) => page.getByText('Monthly Recurring Revenue').first();
    // Cold: a new context holding only the session cookie, so every asset is fetched again.
    const shellTimes = [];
    const figureTimes = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addCookies(cookies);
      const page = await context.newPage();
      shellTimes.push(await interactive(page, `${origin}/`, searchBox));
      await dashboardFigure(page).waitFor();
      figureTimes.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    shellTimes.sort((a, b) => a - b);
    figureTimes.sort((a, b) => a - b);
    const dashboardWarm = await measure(RUNS, () => interactive(first, `${origin}/`, dashboardFigure));

    // 100 rows: the customers list asked for 100 at once; the longest main-thread task while it renders.
    await first.addInitScript(() => {
      window.__longest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const rows = [];
    const longest = [];
    for (let i = 0; i < RUNS; i++) {
      await first.goto(`${origin}/customers?limit=100`, { waitUntil: 'commit' });
      const start = await first.evaluate(() => performance.now());
      await first.waitForFunction(() => document.querySelectorAll('table tbody tr').length >= 100, undefined, { timeout: 20_000 });
      rows.push((await first.evaluate(() => performance.now())) - start);
      longest.push(await first.evaluate(() => window.__longest));
    }
    rows.sort((a, b) => a - b);
    longest.sort((a, b) => a - b);
    await signedIn.close();

    return [
      ['measure', 'p50', 'p90', 'note'],
      ['initial JS, gzipped', kb(sum(js, 'gzip')), '', `${js.length} file(s), ${kb(sum(js, 'bytes'))} raw; budget 250 kB`],
      ['initial CSS, gzipped', kb(sum(css, 'gzip')), '', `${kb(sum(css, 'bytes'))} raw`],
      ['bare Express page, 1 button: interactive, cold (baseline)', `${fmt(baselineCold.p50)} ms`, `${fmt(baselineCold.p90)} ms`, `${RUNS} runs`],
      ['sign-in page: interactive, cold', `${fmt(signInCold.p50)} ms`, `${fmt(signInCold.p90)} ms`, `target ≤ 1000 ms; ${fmt(signInCold.p50 / baselineCold.p50, 1)}× baseline`],
      ['signed-in shell (search box usable), cold', `${fmt(percentile(shellTimes, 50))} ms`, `${fmt(percentile(shellTimes, 90))} ms`, 'target ≤ 1000 ms; new context, no cache'],
      ['dashboard figures on screen, cold', `${fmt(percentile(figureTimes, 50))} ms`, `${fmt(percentile(figureTimes, 90))} ms`, 'includes GET /me and /dashboard'],
      ['dashboard figures on screen, warm', `${fmt(dashboardWarm.p50)} ms`, `${fmt(dashboardWarm.p90)} ms`, 'same tab, cached assets'],
      ['100-row customer list on screen', `${fmt(percentile(rows, 50))} ms`, `${fmt(percentile(rows, 90))} ms`, `longest task p90 ${fmt(percentile(longest, 90))} ms`],
    ];
  } finally {
    baselineServer?.close();
    await browser.close();
    for (const s of services.reverse()) await s.stop();
  }
}
