import { unary, type Logger } from '@azotte/common';
import type { catalogV1 } from '@azotte/proto';
import { archiveBundle } from '../domain/archive-bundle';
import { archivePrice } from '../domain/archive-price';
import { createBundle } from '../domain/create-bundle';
import { createPrice } from '../domain/create-price';
import type { Deps } from '../domain/deps';
import { getBundle } from '../domain/get-bundle';
import { getPrice } from '../domain/get-price';
import { listBundles } from '../domain/list-bundles';
import { listPrices } from '../domain/list-prices';
import { quoteAmount } from '../domain/quote-amount';
import { resolveEntitlements } from '../domain/resolve-entitlements';
import { updateBundle } from '../domain/update-bundle';

/** The gRPC transport: each method hands its request and call context to one operation. */
export function catalogHandlers(deps: Deps, logger: Logger): catalogV1.CatalogServiceServer {
  return {
    createBundle: unary(logger, (req, ctx) => createBundle(deps, ctx, req)),
    listBundles: unary(logger, (req, ctx) => listBundles(deps, ctx, req)),
    getBundle: unary(logger, (req, ctx) => getBundle(deps, ctx, req)),
    updateBundle: unary(logger, (req, ctx) => updateBundle(deps, ctx, req)),
    archiveBundle: unary(logger, (req, ctx) => archiveBundle(deps, ctx, req)),
    createPrice: unary(logger, (req, ctx) => createPrice(deps, ctx, req)),
    listPrices: unary(logger, (req, ctx) => listPrices(deps, ctx, req)),
    getPrice: unary(logger, (req, ctx) => getPrice(deps, ctx, req)),
    archivePrice: unary(logger, (req, ctx) => archivePrice(deps, ctx, req)),
    quoteAmount: unary(logger, (req, ctx) => quoteAmount(deps, ctx, req)),
    resolveEntitlements: unary(logger, (req, ctx) => resolveEntitlements(deps, ctx, req)),
  };
}
