import { nonPublicReason, refusedAddress, urlProblem } from '../src/domain/address-rules';

const production = { allowPrivateNetworks: false };
const development = { allowPrivateNetworks: true };

test.each([
  ['127.0.0.1', 'loopback'],
  ['127.255.0.9', 'loopback'],
  ['10.1.2.3', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['169.254.169.254', 'link-local'],
  ['0.0.0.0', 'unspecified'],
  ['100.64.0.1', 'shared (carrier-grade NAT)'],
  ['::1', 'loopback'],
  ['::', 'unspecified'],
  ['fc00::1', 'unique local (private)'],
  ['fd12:3456::1', 'unique local (private)'],
  ['fe80::1', 'link-local'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::ffff:10.0.0.1', 'private'],
  ['64:ff9b::a00:1', 'private'],
])('%s is not public (%s)', (address, reason) => {
  expect(nonPublicReason(address)).toBe(reason);
});

test.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('%s is public', (address) => {
  expect(nonPublicReason(address)).toBeUndefined();
});

test.each([
  ['http://example.com/hooks', 'must be https in production'],
  ['https://127.0.0.1/hooks', 'must be a public address; 127.0.0.1 is loopback'],
  ['https://10.0.0.1/hooks', 'must be a public address; 10.0.0.1 is private'],
  ['https://172.16.5.4/hooks', 'must be a public address; 172.16.5.4 is private'],
  ['https://192.168.0.10/hooks', 'must be a public address; 192.168.0.10 is private'],
  ['https://[fc00::1]/hooks', 'must be a public address; fc00::1 is unique local (private)'],
  ['https://169.254.169.254/latest', 'must be a public address; 169.254.169.254 is link-local'],
  ['https://[fe80::1]/hooks', 'must be a public address; fe80::1 is link-local'],
  ['https://[::ffff:127.0.0.1]/hooks', 'must be a public address; ::ffff:7f00:1 is loopback'],
  ['ftp://example.com/hooks', 'must be an absolute http or https URL'],
  ['https://user:pw@example.com/hooks', 'must not carry a user name or password'],
])('in production %s is refused: %s', (url, problem) => {
  expect(urlProblem(url, production)).toBe(problem);
});

test('outside production http and loopback are allowed, so that a developer can receive on their machine', () => {
  expect(urlProblem('http://127.0.0.1:4000/hooks', development)).toBeUndefined();
  expect(urlProblem('http://localhost:4000/hooks', development)).toBeUndefined();
  expect(refusedAddress(['127.0.0.1'], development)).toBeUndefined();
});

test('a name is refused when any of its addresses is not public', () => {
  expect(refusedAddress(['93.184.216.34', '10.0.0.7'], production)).toEqual({ address: '10.0.0.7', reason: 'private' });
  expect(refusedAddress(['93.184.216.34'], production)).toBeUndefined();
});
