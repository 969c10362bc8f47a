/**
 * MyKad (IC) numbers: `YYMMDD-PB-###G`, 12 digits (JPN format).
 * - YYMMDD must be a real date, not in the future (the century is the latest one that fits);
 * - PB is the place-of-birth code: states 01–16 and 21–59, foreign 60–93, 98, 99. An unknown
 *   code is a warning, not a rejection (JPN has added codes before);
 * - the last digit is odd for male, even for female.
 * Stored without dashes; shown masked in lists (`850412-**-**23`); never logged.
 */
export type MyKadWarning = 'UNKNOWN_BIRTHPLACE_CODE';

export type MyKad =
  | { ok: true; value: string; birthDate: string; sex: 'male' | 'female'; birthplace: 'malaysia' | 'foreign' | 'unknown'; warnings: MyKadWarning[] }
  | { ok: false; reason: 'FORMAT' | 'DATE' };

function birthplaceOf(code: number): 'malaysia' | 'foreign' | 'unknown' {
  if ((code >= 1 && code <= 16) || (code >= 21 && code <= 59)) return 'malaysia';
  if ((code >= 60 && code <= 93) || code === 98 || code === 99) return 'foreign';
  return 'unknown';
}

/** Parses and checks a MyKad number typed with or without dashes or spaces. */
export function parseMyKad(input: string, today: Date = new Date()): MyKad {
  const compact = input.trim().replace(/[\s-]/g, '');
  if (!/^\d{12}$/.test(compact) || !/^(\d{6}-?\d{2}-?\d{4})$/.test(input.trim().replace(/\s/g, ''))) {
    return { ok: false, reason: 'FORMAT' };
  }
  const yy = Number(compact.slice(0, 2));
  const mm = Number(compact.slice(2, 4));
  const dd = Number(compact.slice(4, 6));
  const valid = (year: number) => {
    const d = new Date(Date.UTC(year, mm - 1, dd));
    return d.getUTCFullYear() === year && d.getUTCMonth() === mm - 1 && d.getUTCDate() === dd ? d : undefined;
  };
  const thisCentury = 2000 + yy;
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  let birth = valid(thisCentury);
  if (!birth || birth.getTime() > todayUtc) birth = valid(1900 + yy);
  if (!birth) return { ok: false, reason: 'DATE' };

  const birthplace = birthplaceOf(Number(compact.slice(6, 8)));
  return {
    ok: true,
    value: compact,
    birthDate: birth.toISOString().slice(0, 10),
    sex: Number(compact[11]) % 2 === 1 ? 'male' : 'female',
    birthplace,
    warnings: birthplace === 'unknown' ? ['UNKNOWN_BIRTHPLACE_CODE'] : [],
  };
}

/** `850412055123` -> `850412-**-**23`: enough for a person to recognise their own record. */
export function maskMyKad(value: string): string {
  const compact = value.replace(/[\s-]/g, '');
  if (compact.length !== 12) return '******-**-****';
  return `${compact.slice(0, 6)}-**-**${compact.slice(10)}`;
}

/** `850412055123` -> `850412-05-5123`, for the holder's own view and official documents. */
export function formatMyKad(value: string): string {
  return `${value.slice(0, 6)}-${value.slice(6, 8)}-${value.slice(8)}`;
}
