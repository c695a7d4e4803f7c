/**
 * The Content-Security-Policy of every answer (the portal, the API docs, the
 * API itself): scripts only from this origin, never inline; no framing;
 * requests only to this origin. Styles may be inline (the charts and some
 * components set style attributes; CSS cannot run code), and images may come
 * from any HTTPS address, because a storefront's logo lives wherever its
 * owner hosts it.
 */
export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'https:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};
