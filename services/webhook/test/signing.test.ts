import { Webhook } from 'standardwebhooks';
import { newSigningSecret, signatureHeader, webhookHeaders } from '../src/domain/signing';

const body = JSON.stringify({ id: 'evt_1', type: 'ping' });

test('a signature standardwebhooks verifies, with the key being the base64 part of whsec_…', () => {
  const secret = newSigningSecret();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  const headers = webhookHeaders([secret], 'evt_1', new Date(), body);
  expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  expect(() => new Webhook(newSigningSecret()).verify(body, headers)).toThrow();
});

test('two secrets sign space-separated, and each verifies on its own', () => {
  const [a, b] = [newSigningSecret(), newSigningSecret()];
  const headers = webhookHeaders([a, b], 'evt_1', new Date(), body);
  expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
  expect(new Webhook(a).verify(body, headers)).toBeTruthy();
  expect(new Webhook(b).verify(body, headers)).toBeTruthy();
});

test('the signed content is "<id>.<timestamp>.<body>", as standardwebhooks signs it', () => {
  const secret = newSigningSecret();
  const at = new Date('2026-03-01T10:00:00Z');
  expect(signatureHeader([secret], 'msg_1', at.getTime() / 1000, body)).toBe(new Webhook(secret).sign('msg_1', at, body));
});
