import { DomainError } from '@azotte/common';
import express, { type Express, type Request, type Response } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { problemOf, sendProblem } from '../http/problem';

/** Hashed build assets never change under their name: cached for a year. */
const ASSET_MAX_AGE = '365d';

/**
 * Serves the portal's built files at `/`: its hashed assets with long-lived
 * caching, `index.html` with none (so a new build is picked up at once), and
 * `index.html` for every other page path the app routes itself (history-API
 * fallback). Paths that look like files but do not exist stay 404s, and the
 * API is never shadowed: this runs after /api/v1.
 */
export function servePortal(app: Express, dir: string, logger: Logger): void {
  const index = path.join(dir, 'index.html');
  if (!dir || !fs.existsSync(index)) {
    logger.warn({ dir }, 'portal not built: / answers a page saying so (npm run build builds it)');
    app.get('/', (_req, res) => {
      res.status(503).type('text/html').setHeader('Cache-Control', 'no-store').send(NOT_BUILT);
    });
    return;
  }
  app.use(
    '/assets',
    express.static(path.join(dir, 'assets'), { immutable: true, maxAge: ASSET_MAX_AGE, index: false }),
    (req: Request, res: Response) => {
      sendProblem(res, problemOf(new DomainError('not_found', 'asset_not_found', `No asset ${req.originalUrl}.`)));
    },
  );
  app.use(
    express.static(dir, {
      index: false,
      maxAge: 0,
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  const sendIndex = (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  };
  app.get('/', sendIndex);
  serveHostedPages(app, dir, logger);
  // A page path: no file extension, and a browser asking for a document.
  app.get(/^\/(?!api\/)[^.]*$/, (req, res, next) => (req.accepts('html') ? sendIndex(req, res) : next()));
}

/**
 * The hosted pages (a storefront's checkout and customer portal) are the
 * portal build's second entry, `hosted.html`, at their own paths. The URL
 * holds the session's secret: never cached, and never sent on as a Referer
 * (to the storefront's logo host, say).
 */
function serveHostedPages(app: Express, dir: string, logger: Logger): void {
  const hosted = path.join(dir, 'hosted.html');
  if (!fs.existsSync(hosted)) {
    logger.warn({ dir }, 'hosted pages not built: /checkout and /customer-portal answer 503');
  }
  const send = (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!fs.existsSync(hosted)) return void res.status(503).type('text/html').send(NOT_BUILT);
    res.sendFile(hosted);
  };
  app.get(['/checkout/:secret', '/customer-portal/:secret', '/customer-portal/:secret/invoices/:invoiceId'], send);
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Azotte</title></head>
<body><main><h1>The portal is not built</h1><p>Run <code>npm run build</code> (or <code>npm start</code>) and reload.
The API is at <a href="/api/v1/docs">/api/v1/docs</a>.</p></main></body></html>`;
