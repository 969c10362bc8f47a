import { describe, expect, it } from 'vitest';
import { redact } from './logger';

describe('redact', () => {
  it('masks MyKad numbers with or without dashes, emails and Malaysian mobile numbers', () => {
    expect(redact('user 850412-05-5123 failed')).toBe('user [ic] failed');
    expect(redact('ic=850412055123;')).toBe('ic=[ic];');
    expect(redact('mail aminah.binti@sekolah.edu.my now')).toBe('mail [email] now');
    expect(redact('call +60123456789 or 012-345 6789')).toBe('call [phone] or [phone]');
  });

  it('leaves ordinary text and short numbers alone', () => {
    expect(redact('course DA-301 took 1200 ms, status 404')).toBe('course DA-301 took 1200 ms, status 404');
  });
});
