import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMyKad, maskMyKad, parseMyKad } from './mykad';
import { maskPhone, parsePhone } from './phone';

const today = new Date('2026-12-04T00:00:00Z');

describe('parseMyKad', () => {
  it('accepts a valid number with or without dashes and reads date, sex and birthplace', () => {
    for (const input of ['850412-05-5123', '850412055123', ' 850412 05 5123 ']) {
      expect(parseMyKad(input, today)).toEqual({
        ok: true, value: '850412055123', birthDate: '1985-04-12', sex: 'male', birthplace: 'malaysia', warnings: [],
      });
    }
    expect(parseMyKad('050101-59-0124', today)).toMatchObject({ birthDate: '2005-01-01', sex: 'female' });
  });

  it('picks the latest century that is not in the future', () => {
    expect(parseMyKad('261203-05-1111', today)).toMatchObject({ ok: true, birthDate: '2026-12-03' });
    expect(parseMyKad('261205-05-1111', today)).toMatchObject({ ok: true, birthDate: '1926-12-05' });
  });

  it('rejects impossible dates, wrong lengths, letters and odd dash placement', () => {
    expect(parseMyKad('850230-05-5123', today)).toEqual({ ok: false, reason: 'DATE' });
    expect(parseMyKad('851312-05-5123', today)).toEqual({ ok: false, reason: 'DATE' });
    expect(parseMyKad('000229-05-5123', today)).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(parseMyKad('010229-05-5123', today)).toEqual({ ok: false, reason: 'DATE' });
    for (const bad of ['85041205512', '8504120551234', '85041205512A', '8504-1205-5123', '', '=850412055123']) {
      expect(parseMyKad(bad, today), bad).toEqual({ ok: false, reason: 'FORMAT' });
    }
  });

  it('warns, not rejects, on an unknown place-of-birth code; knows foreign codes', () => {
    expect(parseMyKad('850412-00-5123', today)).toMatchObject({ ok: true, birthplace: 'unknown', warnings: ['UNKNOWN_BIRTHPLACE_CODE'] });
    expect(parseMyKad('850412-17-5123', today)).toMatchObject({ ok: true, warnings: ['UNKNOWN_BIRTHPLACE_CODE'] });
    expect(parseMyKad('850412-71-5123', today)).toMatchObject({ ok: true, birthplace: 'foreign', warnings: [] });
  });

  it('property: every real date with any digits parses, and masking hides the middle', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1930-01-01'), max: new Date('2026-12-04'), noInvalidDate: true }), fc.integer({ min: 0, max: 999999 }), (date, tail) => {
        const yymmdd = date.toISOString().slice(2, 10).replace(/-/g, '');
        const ic = `${yymmdd}${String(tail).padStart(6, '0')}`;
        const parsed = parseMyKad(ic, today);
        if (!parsed.ok) return false;
        return parsed.value === ic && maskMyKad(parsed.value) === `${ic.slice(0, 6)}-**-**${ic.slice(10)}`;
      }),
    );
  });

  it('masks and formats', () => {
    expect(maskMyKad('850412055123')).toBe('850412-**-**23');
    expect(formatMyKad('850412055123')).toBe('850412-05-5123');
  });
});

describe('parsePhone', () => {
  it.each([
    ['012-345 6789', '+60123456789', 'mobile'],
    ['+60123456789', '+60123456789', 'mobile'],
    ['60123456789', '+60123456789', 'mobile'],
    ['011-2345 6789', '+601123456789', 'mobile'],
    ['06-761 2345', '+6067612345', 'landline'],
    ['03-8888 1234', '+60388881234', 'landline'],
  ])('%s -> %s', (input, e164, kind) => {
    expect(parsePhone(input)).toEqual({ ok: true, e164, kind });
  });

  it.each(['012-345 678', '011-2345 678', '0123', '+65 9123 4567', 'abc', '02-1234 5678', ''])('rejects %s', (input) => {
    expect(parsePhone(input)).toEqual({ ok: false });
  });

  it('masks', () => {
    expect(maskPhone('+60123456789')).toBe('+6012-***6789');
  });
});
