import { checkHealth } from '@azotte/common';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import { z } from 'zod';
import { operationIdOf } from '../openapi/operation-ids';

export interface ReadinessDeps {
  /** Backing services by name, with their gRPC addresses. */
  services: Record<string, string>;
  /** The gateway's own database. */
  postgres: () => Promise<boolean>;
}

/**
 * What is unreachable, by name: a service that does not answer is named
 * itself; one that answers but is not serving is asked which of its own
 * dependencies (postgres, rabbitmq) is down.
 */
export async function unavailable(deps: ReadinessDeps): Promise<string[]> {
  const names = new Set<string>();
  if (!(await deps.postgres())) names.add('postgres');
  await Promise.all(
    Object.entries(deps.services).map(async ([name, address]) => {
      const status = await checkHealth(address);
      if (status === 'SERVING') return;
      if (status === 'UNREACHABLE') return void names.add(name);
      for (const dependency of ['postgres', 'rabbitmq']) {
        if ((await checkHealth(address, dependency)) !== 'SERVING') names.add(dependency);
      }
      names.add(name);
    }),
  );
  return [...names].sort();
}

/** The probes take no input and no credential: a 4xx can only come from something in front of the gateway. */
const PROXY_ONLY = { description: 'Never answered by the gateway itself (the probes take no input); a proxy in front may answer one' };

export function healthRoutes(router: Router, registry: OpenAPIRegistry, deps: ReadinessDeps): void {
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const down = await unavailable(deps);
    if (down.length === 0) return void res.json({ status: 'ready' });
    res
      .status(503)
      .type('application/problem+json')
      .send(
        JSON.stringify({
          type: 'https://docs.azotte.dev/errors/not_ready',
          title: 'Service unavailable',
          status: 503,
          detail: `Unreachable: ${down.join(', ')}.`,
          code: 'not_ready',
          unavailable: down,
        }),
      );
  });
  registry.registerPath({
    method: 'get',
    path: '/healthz',
    operationId: operationIdOf('get', '/healthz'),
    summary: 'The gateway process is up',
    tags: ['Health'],
    security: [],
    responses: {
      200: { description: 'Up', content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } } },
      '4XX': PROXY_ONLY,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/readyz',
    operationId: operationIdOf('get', '/readyz'),
    summary: 'Every backing service and server is reachable; a 503 names what is not',
    tags: ['Health'],
    security: [],
    responses: {
      200: { description: 'Ready', content: { 'application/json': { schema: z.object({ status: z.literal('ready') }) } } },
      '4XX': PROXY_ONLY,
      503: {
        description: 'Not ready',
        content: { 'application/problem+json': { schema: z.object({ unavailable: z.array(z.string()) }).passthrough() } },
      },
    },
  });
}
