import { describe, expect, it } from 'vitest';
import { VIEWER_ADDRESS_HEADER, callerAddress } from './rate-limit';

const from = (headers: Record<string, string>) => callerAddress({ get: (n) => headers[n.toLowerCase()] });

describe('callerAddress', () => {
  it('reads the viewer address CloudFront set', () => {
    expect(from({ [VIEWER_ADDRESS_HEADER]: '203.0.113.7' })).toBe('203.0.113.7');
  });

  it('counts IPv6 viewers per /64', () => {
    expect(from({ [VIEWER_ADDRESS_HEADER]: '2001:db8:aa:1:1234::9' })).toBe('2001:db8:aa:1::/64');
    expect(from({ [VIEWER_ADDRESS_HEADER]: '2001:0db8:00aa:0001:ffff:ffff:ffff:ffff' })).toBe('2001:db8:aa:1::/64');
    expect(from({ [VIEWER_ADDRESS_HEADER]: '2001:db8::1' })).toBe('2001:db8:0:0::/64');
  });

  it('never trusts addresses a client can set', () => {
    expect(from({ 'x-forwarded-for': '198.51.100.1', forwarded: 'for=198.51.100.2', 'x-real-ip': '198.51.100.3' })).toBe('direct');
    expect(from({ 'x-forwarded-for': '198.51.100.1', [VIEWER_ADDRESS_HEADER]: '203.0.113.7' })).toBe('203.0.113.7');
  });

  it('treats a missing or malformed value as one shared caller', () => {
    expect(from({})).toBe('direct');
    expect(from({ [VIEWER_ADDRESS_HEADER]: 'rawak; DROP' })).toBe('direct');
  });
});
