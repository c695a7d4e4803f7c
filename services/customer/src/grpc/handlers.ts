import { unary, type Logger } from '@azotte/common';
import type { customerV1 } from '@azotte/proto';
import { addSupportMessage } from '../domain/add-support-message';
import { createCustomer } from '../domain/create-customer';
import { createSupportRequest } from '../domain/create-support-request';
import type { Deps } from '../domain/deps';
import { eraseCustomer } from '../domain/erase-customer';
import { getCustomer } from '../domain/get-customer';
import { getSupportRequest } from '../domain/get-support-request';
import { listCustomers } from '../domain/list-customers';
import { listSupportRequests } from '../domain/list-support-requests';
import { updateCustomer } from '../domain/update-customer';
import { updateSupportRequest } from '../domain/update-support-request';

/** The gRPC transport: each method hands its request and call context to one operation. */
export function customerHandlers(deps: Deps, logger: Logger): customerV1.CustomerServiceServer {
  return {
    createCustomer: unary(logger, (req, ctx) => createCustomer(deps, ctx, req)),
    getCustomer: unary(logger, (req, ctx) => getCustomer(deps, ctx, req)),
    updateCustomer: unary(logger, (req, ctx) => updateCustomer(deps, ctx, req)),
    listCustomers: unary(logger, (req, ctx) => listCustomers(deps, ctx, req)),
    eraseCustomer: unary(logger, (req, ctx) => eraseCustomer(deps, ctx, req)),
    createSupportRequest: unary(logger, (req, ctx) => createSupportRequest(deps, ctx, req)),
    listSupportRequests: unary(logger, (req, ctx) => listSupportRequests(deps, ctx, req)),
    getSupportRequest: unary(logger, (req, ctx) => getSupportRequest(deps, ctx, req)),
    updateSupportRequest: unary(logger, (req, ctx) => updateSupportRequest(deps, ctx, req)),
    addSupportMessage: unary(logger, (req, ctx) => addSupportMessage(deps, ctx, req)),
  };
}
