// REPLICAS=N for `npm start`: N processes of every service on one machine, each on ports of its
// own, every service told the addresses of all the others' replicas (a comma-separated list,
// balanced round robin by the gRPC clients). A pure plan, so that it can be tested alone.

/** Each service's gRPC port when its <SERVICE>_GRPC_PORT is unset (its config.ts says the same). */
export const GRPC_PORTS = { tenant: 50051, catalog: 50052, customer: 50053, billing: 50054, campaign: 50055, analytics: 50056, webhook: 50057 };
/** Replica k listens at the base port + STEP × k: apart from every other service's ports. */
export const PORT_STEP = 10;
export const MAX_REPLICAS = 9;

/** REPLICAS as a number, or a sentence saying what is wrong with it. */
export function replicaCount(value) {
  if (value === undefined || value === '') return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_REPLICAS) return `REPLICAS must be a whole number from 1 to ${MAX_REPLICAS}, not "${value}"`;
  return n;
}

/**
 * The processes to start: `{ name, label, env }` per replica of each service, in the order of
 * `names`. `metricsPorts` is the services' default metrics ports (services/common's METRICS_PORTS).
 * One replica: the environment as it is. Several: replica k of a service on its gRPC, metrics
 * and (gateway) HTTP ports + k steps; an address variable the caller set is left alone.
 */
export function replicaPlan(names, env, count, metricsPorts) {
  if (count === 1) return names.map((name) => ({ name, label: name, env }));
  const upper = (name) => name.toUpperCase();
  const base = (variable, fallback) => Number(env[variable] ?? fallback);
  const grpcPort = (name, k) => base(`${upper(name)}_GRPC_PORT`, GRPC_PORTS[name]) + PORT_STEP * k;
  const metricsPort = (name, k) => base(`${upper(name)}_METRICS_PORT`, metricsPorts[name]) + PORT_STEP * k;
  const replicas = Array.from({ length: count }, (_, k) => k);

  const shared = { ...env };
  for (const name of names.filter((n) => GRPC_PORTS[n] !== undefined)) {
    const variable = `${upper(name)}_GRPC_ADDR`;
    if (env[variable] === undefined) shared[variable] = replicas.map((k) => `127.0.0.1:${grpcPort(name, k)}`).join(',');
  }
  return names.flatMap((name) =>
    replicas.map((k) => {
      const own = { ...shared };
      if (GRPC_PORTS[name] !== undefined) own[`${upper(name)}_GRPC_PORT`] = String(grpcPort(name, k));
      if (metricsPorts[name] !== undefined) own[`${upper(name)}_METRICS_PORT`] = String(metricsPort(name, k));
      if (name === 'gateway') own.GATEWAY_PORT = String(base('GATEWAY_PORT', 8080) + k);
      return { name, label: `${name}-${k + 1}`, env: own };
    }),
  );
}
