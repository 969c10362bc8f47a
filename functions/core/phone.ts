/**
 * Malaysian phone numbers, stored in E.164 (`+60123456789`).
 * Mobiles start 01 and have 9–10 digits after the leading 0 (011 numbers have 10);
 * landlines start 03–09 with 8–9 digits after the leading 0 (e.g. Seremban 06-xxx xxxx).
 */
export type Phone = { ok: true; e164: string; kind: 'mobile' | 'landline' } | { ok: false };

export function parsePhone(input: string): Phone {
  const cleaned = input.trim().replace(/[\s\-().]/g, '');
  let national: string;
  if (/^\+60\d+$/.test(cleaned)) national = `0${cleaned.slice(3)}`;
  else if (/^60\d+$/.test(cleaned)) national = `0${cleaned.slice(2)}`;
  else if (/^0\d+$/.test(cleaned)) national = cleaned;
  else return { ok: false };
  if (/^01\d{8,9}$/.test(national)) {
    // 011 mobiles have 8 digits after the prefix; the others 7.
    const valid = national.startsWith('011') ? national.length === 11 : national.length === 10;
    return valid ? { ok: true, e164: `+60${national.slice(1)}`, kind: 'mobile' } : { ok: false };
  }
  if (/^0[3-9]\d{7,8}$/.test(national)) return { ok: true, e164: `+60${national.slice(1)}`, kind: 'landline' };
  return { ok: false };
}

/** `+60123456789` -> `+60 12-345 6789`-ish masking for lists: `+6012-***6789`. */
export function maskPhone(e164: string): string {
  return e164.length > 8 ? `${e164.slice(0, 5)}-***${e164.slice(-4)}` : '***';
}
