import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startPlatform, type Platform } from '@azotte/test-support/platform';

/**
 * The portal as a person meets it: the whole platform started for real (every
 * service, Postgres, RabbitMQ; see test-support/platform.ts), its gateway
 * serving the built portal, and Debian's Chromium driven headless by
 * playwright-core. Browsers cannot be downloaded here, so CHROMIUM_PATH (default
 * /usr/bin/chromium) names the binary; `.ci/run` installs the package.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../../../../..');
export const SCREENSHOTS = path.join(ROOT, 'test-artifacts', 'screenshots');
const PORTAL_DIST = path.join(process.env.PORTAL_DIR ?? path.resolve(__dirname, '../../../dist'), 'index.html');

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

export interface PortalPage {
  page: Page;
  context: BrowserContext;
  /** Errors the page reported: uncaught exceptions, console errors, and answers of 500 and above. */
  problems: string[];
}

export interface Portal {
  platform: Platform;
  browser: Browser;
  /** The portal's own origin, e.g. http://127.0.0.1:41234. */
  url: string;
  /** A fresh browser context (its own cookies and tab storage) with one page. */
  open(viewport?: { width: number; height: number }): Promise<PortalPage>;
  stop(): Promise<void>;
}

export async function startPortal(name: string): Promise<Portal> {
  if (!fs.existsSync(PORTAL_DIST)) throw new Error(`The portal is not built (${PORTAL_DIST}): run npm run build first.`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  const [platform, browser] = await Promise.all([
    startPlatform(name),
    chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
    }),
  ]);
  const url = new URL(platform.gateway.url).origin;
  const contexts: BrowserContext[] = [];
  return {
    platform,
    browser,
    url,
    async open(viewport = DESKTOP) {
      const context = await browser.newContext({ viewport, baseURL: url, locale: 'en-US', timezoneId: 'Europe/Berlin' });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const problems: string[] = [];
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('console', (msg) => {
        // A 4xx the page asked for and shows (a validation error, a decline) is logged by the
        // browser as a failed resource: it is the API's answer, not a fault of the page.
        if (msg.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())) {
          problems.push(`console error: ${msg.text()}`);
        }
      });
      page.on('response', (res) => {
        if (res.status() >= 500) problems.push(`${res.status()} from ${res.request().method()} ${res.url()}`);
      });
      return { page, context, problems };
    },
    async stop() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await platform.stop();
    },
  };
}

/** Signs in through the sign-in page, as a person does, and waits for the signed-in shell. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('combobox', { name: 'Environment' }).waitFor();
}

/** Chooses the environment with the always-visible switch. */
export async function chooseEnvironment(page: Page, name: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Environment' }).selectOption(name);
}

/** A screenshot of the page as it is, at its viewport, into test-artifacts/screenshots (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize();
  const file = path.join(SCREENSHOTS, `${name}-${size?.width}x${size?.height}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/**
 * axe-core's serious and critical violations on the page as it is now (WCAG
 * 2.1 A and AA rules). The script is evaluated through the DevTools protocol,
 * so the page's Content-Security-Policy need not be loosened for it.
 */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A readable list of violations for an assertion message. */
export const describeViolations = (violations: AxeViolation[]) =>
  violations.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');

/** The page's serious and critical axe violations in words: '' when there are none. */
export const violationsOf = async (page: Page) => describeViolations(await accessibilityViolations(page));

/**
 * Retries `check` until it passes or `timeoutMs` has gone: for what a page shows a moment after
 * an action (a re-render, a refetch, an audit entry built from events).
 */
export async function eventually(check: () => Promise<void>, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
