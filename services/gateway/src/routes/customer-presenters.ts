// Customer messages as API.md's JSON live in @azotte/proto (proto/src/public/customer.ts): the
// webhook service's public events carry the very objects these routes answer.
export { presentCustomer, presentSupportMessage, presentSupportRequest } from '@azotte/proto';
