import type { Request, Response } from 'express';

/**
 * The portal's session: a token in an HttpOnly, SameSite=Strict cookie, so
 * that no script of the page can read the credential and no other site can
 * send it. Scoped to the API's path; Secure whenever the request came over
 * HTTPS (directly or through a trusted proxy).
 */
export const SESSION_COOKIE = 'azotte_session';
const PATH = '/api/v1';
/**
 * Beside it, a cookie that holds no secret and that the page may read: it
 * tells the portal that a session exists, so a first visit goes straight to
 * sign-in instead of asking /me for a 401.
 */
export const SIGNED_IN_COOKIE = 'azotte_signed_in';

export function setSessionCookie(req: Request, res: Response, token: string, maxAgeSeconds: number): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: PATH,
    maxAge: maxAgeSeconds * 1000,
  });
  res.cookie(SIGNED_IN_COOKIE, '1', { sameSite: 'strict', secure: req.secure, path: '/', maxAge: maxAgeSeconds * 1000 });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: PATH });
  res.clearCookie(SIGNED_IN_COOKIE, { sameSite: 'strict', secure: req.secure, path: '/' });
}

/** The session token the request's Cookie header carries, if any. */
export function sessionTokenOf(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
