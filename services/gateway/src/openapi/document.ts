import { OpenApiGeneratorV3, type OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';

/** The OpenAPI 3 document of every route registered, generated from the routes' own schemas. */
export function openApiDocument(registry: OpenAPIRegistry) {
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An access token from POST /auth/login, or an API key (azk_…).',
  });
  registry.registerComponent('securitySchemes', 'hostedSession', {
    type: 'apiKey',
    in: 'header',
    name: 'X-Hosted-Session',
    description: 'A hosted page\'s session secret (hs_…), from the `url` of a checkout or customer-portal session.',
  });
  const document = new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'Azotte API',
      version: '1.0.0',
      description:
        'The public HTTP API of Azotte, a platform for running a subscription business. Money is integer minor units with an ISO 4217 currency; errors are RFC 9457 problem documents.',
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    servers: [{ url: '/api/v1' }],
  });
  return withAnyValues(document);
}

/**
 * zod-to-openapi writes a record of unknown values (metadata, a rule tree, an
 * event's object) as `additionalProperties: { nullable: true }`, a `nullable`
 * without a `type` that OpenAPI 3.0 does not define and linters refuse. The
 * empty schema says what is meant: any value, null included.
 */
function withAnyValues<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withAnyValues) as T;
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    const bare = key === 'additionalProperties' && value && typeof value === 'object' && !('type' in value) && !('$ref' in value) && 'nullable' in value;
    out[key] = bare ? withAnyValues(Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'nullable'))) : withAnyValues(value);
  }
  return out as T;
}
