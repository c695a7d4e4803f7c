export { api, newIdempotencyKey, onUnauthenticated, unwrap } from './client';
export { ApiError, isApiError, type FieldProblem, type Problem } from './problem';
export { currentScope, scopeKey, setEnvironment, setTenant, type Scope } from './scope';
export type { components, paths } from './generated/schema';

import type { components } from './generated/schema';
/** A schema of the API by its OpenAPI name: `Schema<'Customer'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
