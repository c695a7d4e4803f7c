// Hosted sessions as API.md's JSON live in @azotte/proto (proto/src/public/checkout.ts): the
// webhook service's `checkout.session.completed` carries the very object GET answers.
export { hostedUrl, presentCheckoutSession, presentPortalSession, successUrlOf } from '@azotte/proto';
