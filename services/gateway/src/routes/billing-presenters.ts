// billing.v1 messages as API.md's JSON live in @azotte/proto (proto/src/public/billing.ts): the
// webhook service's public events carry the very objects these routes answer.
export {
  presentChangePricePreview,
  presentInvoice,
  presentPayment,
  presentPaymentMethod,
  presentRefund,
  presentSubscription,
} from '@azotte/proto';
