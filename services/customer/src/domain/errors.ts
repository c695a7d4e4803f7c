import { conflict } from '@azotte/common';

/** The stable error codes of the service that are not a plain not-found or invalid request. */
export const emailTaken = () =>
  conflict('email_taken', 'A customer with this email already exists in this environment.');

export const customerIsErased = () =>
  conflict('customer_erased', 'The customer was erased: its profile and support requests can no longer be changed.');
