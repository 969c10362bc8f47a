import { formatDate, type Lang } from '$lib/i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An instant in Malaysian time (UTC+8 all year), as MYDS shows it: `12 Mac 2027, 14:05`.
 * Malaysian, not the browser's zone: the audit trail's days are Malaysian days too, and a
 * record reads the same wherever it is looked at.
 */
export function formatDateTime(iso: string, lang: Lang): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const d = new Date(at + 8 * 3600_000);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${formatDate(day, lang)}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * A MyKad number as the API sends it: masked (`850412-**-**23`) stays as it is; a whole one
 * (`850412055123`, for viewers entitled to it) gets its dashes, `850412-05-5123`.
 */
export const formatIc = (ic: string) => ic.replace(/^(\d{6})(\d{2})(\d{4})$/, '$1-$2-$3');

/**
 * A Malaysian number as the API stores it (`+60123456789`) as people write it:
 * `012-345 6789`, `011-2345 6789`, `06-123 4567`, `03-1234 5678`. Anything else as it is.
 */
export function formatPhone(e164: string): string {
  const national = e164.startsWith('+60') ? `0${e164.slice(3)}` : '';
  const parts = /^01/.test(national)
    ? /^(\d{3})(\d{3,4})(\d{4})$/.exec(national)
    : /^(\d{2})(\d{3,4})(\d{4})$/.exec(national);
  return parts ? `${parts[1]}-${parts[2]} ${parts[3]}` : e164;
}
