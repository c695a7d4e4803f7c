// Webhooks benchmark: public events delivered by the webhook service to a local receiver, beside a
// raw loop of signed HTTP POSTs to the same receiver in the same run.
//   - the receiver: node:http on 127.0.0.1, answering 200 at once, recording when each delivery came;
//   - live: every service run as processes from dist, one endpoint (customer.created) pointing at the
//     receiver, N customers created through the gateway (POST /customers with an API key) by a few
//     concurrent callers, as fast as it takes them: deliveries/s at the receiver (first to last
//     received), and the delay from each state change's commit to the receiver's 200. The commit time
//     used is the moment the gateway's 201 reached the caller (at or after the commit); the delay from
//     the event's `createdAt` is shown too (the customer's `updatedAt`, taken just before the customer
//     service's transaction: at or before the commit), and the delay split at the webhook service's own
//     marks (the public event's `recorded_at`, its delivery's first `attempts.at`);
//   - paced: M customers at a steady rate the platform keeps up with: the same delay without a queue;
//   - backlog: the webhook service stopped while N more customers are created, then started with their
//     N events waiting on its queue: what the service itself drains (bus → public events → deliveries → POSTs);
//   - the baseline, last (the platform still up, idle): the live phase's very bodies POSTed again, signed
//     the same way (Standard Webhooks headers, HMAC-SHA256 with the endpoint's secret, a fresh timestamp
//     per request), over keep-alive sockets like the service's, at the service's delivery bound for one
//     endpoint (WEBHOOK_ENDPOINT_CONCURRENCY); its delay is each POST's own time to its 200.
// A few deliveries of each phase are verified with the `standardwebhooks` package (outside the timings).
import amqp from 'amqplib';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { fmt, percentile, PLATFORM_SERVICES, platformEnvironment, startService, waitUntil } from './lib.mjs';

/** A receiver answering 200 at once; `take()` hands over what arrived since the last call. */
async function startReceiver() {
  let got = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(200, { 'content-length': '0' });
      res.end();
      got.push({ at: Date.now(), id: req.headers['webhook-id'], timestamp: req.headers['webhook-timestamp'], signature: req.headers['webhook-signature'], body: Buffer.concat(chunks).toString('utf8') });
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}/hooks`,
    distinct: () => new Set(got.map((d) => d.id)).size,
    take() {
      const taken = got;
      got = [];
      return taken;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    },
  };
}

/** Deliveries per second at the receiver, from the first received to the last. */
const rateOf = (received) => {
  const times = received.map((d) => d.at);
  const span = (Math.max(...times) - Math.min(...times)) / 1000;
  return received.length / span;
};

const sorted = (values) => [...values].sort((a, b) => a - b);

/**
 * From the webhook service's own tables: when it recorded each public event (`recorded_at`, in its
 * consumer's transaction) and when the first attempt of its delivery started (`attempts.at`, once
 * claimed), by event id.
 */
async function serviceTimes(db, schema) {
  const { rows } = await db.query(
    `SELECT v.id, v.recorded_at, min(a.at) AS attempted_at
       FROM "${schema}".events v
       LEFT JOIN "${schema}".deliveries d ON d.event_id = v.id
       LEFT JOIN "${schema}".attempts a ON a.delivery_id = d.id
      GROUP BY v.id, v.recorded_at`,
  );
  return new Map(rows.map((r) => [r.id, { recorded: r.recorded_at.getTime(), attempted: r.attempted_at?.getTime() }]));
}

/** Checks with `standardwebhooks` that a few deliveries are signed by `secret` (throws if not). */
function verifySome(secret, received, what) {
  const wh = new Webhook(secret);
  for (const d of received.slice(0, 5)) {
    wh.verify(d.body, { 'webhook-id': d.id, 'webhook-timestamp': d.timestamp, 'webhook-signature': d.signature });
  }
  if (received.length === 0) throw new Error(`${what}: nothing received`);
}

/** The baseline: `bodies` POSTed `concurrency` at a time, each signed as the service signs. */
async function rawSignedPosts(url, secret, bodies, concurrency) {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const agent = new http.Agent({ keepAlive: true });
  const target = new URL(url);
  const latencies = [];
  let next = 0;
  const post = (id, body) =>
    new Promise((resolve, reject) => {
      const timestamp = Math.floor(Date.now() / 1000);
      const signature = `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
      const req = http.request(
        {
          hostname: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Azotte-Webhooks/1.0',
            'webhook-id': id,
            'webhook-timestamp': String(timestamp),
            'webhook-signature': signature,
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => (res.statusCode >= 200 && res.statusCode < 300 ? resolve() : reject(new Error(`answered ${res.statusCode}`))));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const worker = async () => {
    while (next < bodies.length) {
      const { id, body } = bodies[next++];
      const started = performance.now();
      await post(id, body);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return sorted(latencies);
}

export async function webhooksBench(
  { databaseUrl, amqpUrl, id },
  { count = 2_000, callers = 16, paced = 300, rate = 20, perEndpoint = 8 } = {},
) {
  const env = {
    ...(await platformEnvironment({ databaseUrl, amqpUrl, id })),
    JWT_SECRET: 'webhook-bench-secret-that-is-long-enough',
    WEBHOOK_ENDPOINT_CONCURRENCY: String(perEndpoint),
  };
  // One connection for reading the service's marks, taken before the platform fills the server's slots.
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const receiver = await startReceiver();
  const services = new Map(PLATFORM_SERVICES.map((name) => [name, startService(name, env)]));
  const api = `http://127.0.0.1:${env.GATEWAY_PORT}/api/v1`;
  try {
    await waitUntil(async () => (await fetch(`${api}/readyz`)).ok, 60_000);
    const call = async (path, token, body) => {
      const res = await fetch(`${api}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      const answeredAt = Date.now();
      if (!res.ok) throw new Error(`${path} → ${res.status} ${await res.text()}`);
      return { answeredAt, body: await res.json() };
    };
    const post = async (...args) => (await call(...args)).body;
    const root = (await post('/auth/login', undefined, { email: 'bench@azotte.test', password: 'bench-password' })).accessToken;
    const owner = { email: 'owner@webhook-bench.test', password: 'owner-password' };
    await post('/tenants', root, { name: 'Webhook bench', slug: 'webhook-bench', reportingCurrency: 'EUR', admin: owner });
    const token = (await post('/auth/login', undefined, owner)).accessToken;
    const { key } = await post('/api-keys', token, { name: 'bench', role: 'administrator', environment: 'sandbox' });
    const endpoint = await post('/webhook-endpoints', key, { url: receiver.url, description: 'bench', enabledEvents: ['customer.created'] });

    // Customers created through the gateway: `callers` at a time as fast as it answers, or one every
    // 1/perSecond s. Answers each one's 201 time by customer id, and the rate they were created at.
    const create = async (prefix, n, { perSecond } = {}) => {
      const answered = new Map();
      const one = async (i) => {
        const { answeredAt, body } = await call('/customers', key, { email: `${prefix}${i}@webhook-bench.test`, name: `Customer ${i}` });
        answered.set(body.id, answeredAt);
      };
      const started = Date.now();
      if (perSecond) {
        const calls = [];
        for (let i = 0; i < n; i++) {
          const due = started + (i / perSecond) * 1000;
          if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
          calls.push(one(i));
        }
        await Promise.all(calls);
      } else {
        let next = 0;
        const caller = async () => {
          while (next < n) await one(next++);
        };
        await Promise.all(Array.from({ length: callers }, caller));
      }
      return { answered, rate: n / ((Date.now() - started) / 1000) };
    };
    const timeoutMs = Math.max(120_000, count * 100);
    const deliveredAll = async (n) => {
      await waitUntil(() => receiver.distinct() >= n, timeoutMs);
      return receiver.take();
    };
    // Per event (a repeat, at least once, counts in the rate, not in the delays): from the 201, from
    // createdAt, and the three legs split at the webhook service's marks.
    const delaysOf = async (received, answered) => {
      // An attempt's row is written once its answer came: wait for the last ones.
      let times;
      await waitUntil(async () => {
        times = await serviceTimes(db, env.WEBHOOK_DB_SCHEMA);
        return received.every((d) => times.get(d.id)?.attempted !== undefined);
      }, timeoutMs);
      const delays = { fromAnswer: [], fromCreatedAt: [], toRecorded: [], toAttempt: [], attemptToReceived: [] };
      const seen = new Set();
      for (const d of received) {
        if (seen.has(d.id)) continue;
        seen.add(d.id);
        const event = JSON.parse(d.body);
        const answeredAt = answered.get(event.data.object.id);
        const { recorded, attempted } = times.get(d.id);
        delays.fromAnswer.push(d.at - answeredAt);
        delays.fromCreatedAt.push(d.at - Date.parse(event.createdAt));
        delays.toRecorded.push(recorded - answeredAt);
        delays.toAttempt.push(attempted - recorded);
        delays.attemptToReceived.push(d.at - attempted);
      }
      for (const list of Object.values(delays)) list.sort((a, b) => a - b);
      return { ...delays, repeats: received.length - seen.size };
    };

    // Warm-up (connections, caches, JIT), not measured.
    const warm = Math.min(200, count);
    await create('warm', warm);
    await deliveredAll(warm);

    // Live: deliveries while the customers are being created, as fast as the gateway takes them.
    const live = await create('live', count);
    const liveReceived = await deliveredAll(count);
    verifySome(endpoint.secret, liveReceived, 'live');
    const liveDelays = await delaysOf(liveReceived, live.answered);

    // Paced: the same at a rate the platform keeps up with.
    const steady = await create('paced', paced, { perSecond: rate });
    const pacedReceived = await deliveredAll(paced);
    const pacedDelays = await delaysOf(pacedReceived, steady.answered);

    // Backlog: the webhook service down while the customers are created, their events left on its queue.
    await services.get('webhook').stop();
    await create('backlog', count);
    const conn = await amqp.connect(amqpUrl);
    const ch = await conn.createChannel();
    await waitUntil(async () => (await ch.checkQueue(`${id}.webhook.events`)).messageCount >= count, timeoutMs);
    await conn.close();
    const restartedAt = Date.now();
    services.set('webhook', startService('webhook', env));
    const backlogReceived = await deliveredAll(count);
    verifySome(endpoint.secret, backlogReceived, 'backlog');
    const firstAfterRestart = Math.min(...backlogReceived.map((d) => d.at)) - restartedAt;
    // How fast the restarted service turned the queued events into public events (its consumer's side).
    const times = await serviceTimes(db, env.WEBHOOK_DB_SCHEMA);
    const consumed = rateOf([...new Set(backlogReceived.map((d) => d.id))].map((eventId) => ({ at: times.get(eventId).recorded })));

    // The baseline: the live bodies again, signed as the service signs, at its bound for one endpoint.
    const seen = new Set();
    const bodies = liveReceived.filter((d) => !seen.has(d.id) && seen.add(d.id)).map((d) => ({ id: d.id, body: d.body }));
    const latencies = await rawSignedPosts(receiver.url, endpoint.secret, bodies, perEndpoint);
    const baselineReceived = receiver.take();
    verifySome(endpoint.secret, baselineReceived, 'baseline');
    const bytes = sorted(bodies.map((b) => Buffer.byteLength(b.body)));

    const raw = { rate: rateOf(baselineReceived), p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
    const ours = { rate: rateOf(liveReceived), p50: percentile(liveDelays.fromAnswer, 50), p99: percentile(liveDelays.fromAnswer, 99) };
    const calm = { rate: rateOf(pacedReceived), p50: percentile(pacedDelays.fromAnswer, 50), p99: percentile(pacedDelays.fromAnswer, 99) };
    const drain = rateOf(backlogReceived);
    const p = (list) => [fmt(percentile(list, 50)), fmt(percentile(list, 99))];
    const legs = (what, d) => [
      [`  ${what}: from the event's createdAt instead`, '', ...p(d.fromCreatedAt), "createdAt = the customer's updatedAt, just before its transaction"],
      [`  ${what}: of which 201 → public event recorded`, '', ...p(d.toRecorded), "outbox, relay, bus, the webhook service's consumer (recorded_at)"],
      [`  ${what}: of which recorded → first attempt started`, '', ...p(d.toAttempt), `waiting for one of the endpoint's ${perEndpoint} slots, the claim`],
      [`  ${what}: of which attempt started → receiver's 200`, '', ...p(d.attemptToReceived), 'open the secret, sign, POST'],
    ];
    return [
      ['scenario', 'deliveries/s', 'delay p50 ms', 'delay p99 ms', 'note'],
      [
        `raw signed POSTs, ${perEndpoint} concurrent, keep-alive (baseline, ${bodies.length})`,
        fmt(raw.rate),
        fmt(raw.p50, 1),
        fmt(raw.p99, 1),
        `delay: POST sent → its 200; bodies ${bytes[0]}–${bytes.at(-1)} B`,
      ],
      [
        `customers created → customer.created delivered (${count}, ${callers} callers)`,
        fmt(ours.rate),
        fmt(ours.p50),
        fmt(ours.p99),
        `delay: gateway's 201 → receiver's 200; created at ${fmt(live.rate)}/s; ${liveDelays.repeats} repeats`,
      ],
      ['ratio live / baseline', fmt(ours.rate / raw.rate, 2), fmt(ours.p50 / raw.p50, 1), fmt(ours.p99 / raw.p99, 1), ''],
      ...legs('live', liveDelays),
      [
        `the same, paced (${paced} at ${rate}/s)`,
        fmt(calm.rate),
        fmt(calm.p50),
        fmt(calm.p99),
        `delay: gateway's 201 → receiver's 200; created at ${fmt(steady.rate)}/s; ${pacedDelays.repeats} repeats`,
      ],
      ['ratio paced / baseline', '', fmt(calm.p50 / raw.p50, 1), fmt(calm.p99 / raw.p99, 1), ''],
      ...legs('paced', pacedDelays),
      [
        `backlog of ${count} on the queue, webhook service restarted`,
        fmt(drain),
        '',
        '',
        `events recorded at ${fmt(consumed)}/s; first delivery ${fmt(firstAfterRestart)} ms after the start`,
      ],
      ['ratio backlog / baseline', fmt(drain / raw.rate, 2), '', '', ''],
    ];
  } finally {
    await receiver.close();
    await db.end();
    for (const s of [...services.values()].reverse()) await s.stop();
  }
}
