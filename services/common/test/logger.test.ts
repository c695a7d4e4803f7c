import { Writable } from 'node:stream';
import { runWithContext } from '../src/context';
import { createLogger, scrubCardNumbers } from '../src/logging';

function capture(service: string) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(JSON.parse(chunk.toString()));
      cb();
    },
  });
  return { lines, logger: createLogger(service, { level: 'info', destination }) };
}

describe('log lines', () => {
  it('never contain passwords, tokens, keys, credentials or cards', () => {
    const { lines, logger } = capture('tenant');
    logger.info(
      {
        password: 'hunter2',
        user: { password: 'hunter3', email: 'a@b.c' },
        accessToken: 'eyJ…',
        key: 'sk_test_123',
        credentials: { apiSecret: 'xyz' },
        card: { number: '4242424242424242', cvc: '123' },
      },
      'user created',
    );
    const text = JSON.stringify(lines);
    for (const secret of ['hunter2', 'hunter3', 'eyJ', 'sk_test_123', 'xyz', '4242424242424242', '"123"']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('a@b.c');
  });

  it('carry the service and the scope of the call', () => {
    const { lines, logger } = capture('billing');
    runWithContext(
      {
        actor: { type: 'user', id: 'usr_1', role: 'manager' },
        scope: { tenantId: 'ten_1', environmentId: 'env_1', environmentKind: 'sandbox' },
      },
      () => logger.info('renewed'),
    );
    expect(lines[0]).toMatchObject({
      service: 'billing',
      msg: 'renewed',
      scope: { tenantId: 'ten_1', environmentId: 'env_1', actor: 'user:usr_1' },
    });
  });

  it('mask a card number typed into a message', () => {
    expect(scrubCardNumbers('charge 4242 4242 4242 4242 failed')).toBe('charge [redacted-pan] failed');
    expect(scrubCardNumbers('invoice inv_01 for 1999')).toBe('invoice inv_01 for 1999');
  });
});
