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
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'Azotte API',
      version: '1.0.0',
      description:
        'The public HTTP API of Azotte, a platform for running a subscription business. Money is integer minor units with an ISO 4217 currency; errors are RFC 9457 problem documents.',
    },
    servers: [{ url: '/api/v1' }],
  });
}
