export { api, newIdempotencyKey, onUnauthenticated, unwrap } from './client';
export { ApiError, isApiError, type FieldProblem, type Problem } from './problem';
export { currentScope, scopeKey, setEnvironment, setTenant, type Scope } from './scope';
// The API's types come from @azotte/client, generated from the gateway's OpenAPI document.
export type { components, paths, Schema } from '@azotte/client';
