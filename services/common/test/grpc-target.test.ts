import { addressProblem, grpcTarget } from '../src/grpc/target';

describe('a service address', () => {
  it('is one host:port as it is, or a list of replicas as one balanced channel', () => {
    expect(grpcTarget('billing:50054')).toBe('billing:50054');
    expect(grpcTarget('127.0.0.1:50054, 127.0.0.1:50064')).toBe('ipv4:127.0.0.1:50054,127.0.0.1:50064');
    expect(grpcTarget('[::1]:50054,[::1]:50064')).toBe('ipv6:[::1]:50054,[::1]:50064');
  });

  it('is refused with the reason when it is no address, a list of names, or mixes IPv4 and IPv6', () => {
    expect(addressProblem('')).toMatch(/host:port/);
    expect(addressProblem('billing')).toMatch(/"billing" is not host:port/);
    expect(addressProblem('127.0.0.1:99999')).toMatch(/not host:port/);
    expect(addressProblem('billing-1:50054,billing-2:50054')).toMatch(/a list takes IP addresses/);
    expect(addressProblem('127.0.0.1:50054,[::1]:50054')).toMatch(/not both/);
    expect(() => grpcTarget('billing-1:50054,billing-2:50054')).toThrow(/not a service address/);
  });
});
