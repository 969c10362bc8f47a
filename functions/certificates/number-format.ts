/**
 * The shape of certificate numbers, without Node imports: shared by the API and the web app's
 * verification page (./number.ts makes new ones).
 */
export const NUMBER_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const NUMBER_PATTERN = /^NS-\d{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/;

/**
 * A number as a person typed, pasted or scanned it, in canonical form, or undefined when it
 * cannot be one. Accepts lower case, spaces, dots or no dashes, a missing `NS` prefix, a whole
 * verification URL (`…/sahkan/NS-…`), and in the year O for 0 and I/L for 1. The random part
 * never contains 0, O, 1, I, L or U, so those there mean a mistyped number, not a variant.
 */
export function normaliseCertificateNumber(input: string): string | undefined {
  let text = input.trim();
  const slash = text.lastIndexOf('/');
  if (slash >= 0) text = text.slice(slash + 1);
  try {
    text = decodeURIComponent(text);
  } catch {
    return undefined;
  }
  const compact = text.toUpperCase().replace(/[\s._\-–—]/g, '');
  const match = /^(?:N5|NS)?([0-9OIL]{4})([A-Z0-9]{8})$/.exec(compact);
  if (!match) return undefined;
  const year = match[1]!.replace(/O/g, '0').replace(/[IL]/g, '1');
  const code = match[2]!;
  const number = `NS-${year}-${code.slice(0, 4)}-${code.slice(4)}`;
  return NUMBER_PATTERN.test(number) ? number : undefined;
}
