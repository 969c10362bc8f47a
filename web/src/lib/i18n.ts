/**
 * Languages, dates and numbers. The UI's text is in Bahasa Melayu (default) and English:
 *  - the strings every page shares (masthead, navbar, footer, errors, the API's enum
 *    labels) in messages/ms.ts and messages/en.ts, English typed from Malay, so a string
 *    missing in either is a type error; only the language shown is downloaded;
 *  - each page's own strings next to the page (e.g. routes/kursus/strings.ts), written
 *    with `bilingual(ms, en)`, so a page downloads only the text it shows.
 * The page-weight budget (50 kB of JS + CSS, gzip) is why the text is split this way.
 * The current language lives in `locale.svelte.ts`.
 */
import type { CourseSummary } from '$functions/catalogue/api';
import type { Messages } from './messages/ms';

export type Lang = 'ms' | 'en';
export type Bilingual = Record<Lang, string>;
export type { Messages };

/** One set of strings in both languages; `en` must have exactly the shape of `ms`. */
export const bilingual = <T>(ms: T, en: NoInfer<T>): Record<Lang, T> => ({ ms, en });

/** The shared strings of one language (a separate chunk each). */
export const loadMessages = async (lang: Lang): Promise<Messages> =>
  (lang === 'en' ? await import('./messages/en') : await import('./messages/ms')).default;

/** Filter values in display order; the label dictionaries are keyed by the same types. */
export const enumValues = {
  mode: ['self-paced', 'blended', 'face-to-face'] satisfies CourseSummary['mode'][],
  track: ['school', 'rural'] satisfies NonNullable<CourseSummary['track']>[],
  language: ['ms', 'en'] satisfies Lang[],
};

const months: Record<Lang, readonly string[]> = {
  ms: ['Jan', 'Feb', 'Mac', 'Apr', 'Mei', 'Jun', 'Jul', 'Ogo', 'Sep', 'Okt', 'Nov', 'Dis'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/**
 * A calendar date as MYDS shows it: `12 Mac 2027` / `12 Mar 2027`. Takes `YYYY-MM-DD`
 * (a date, not an instant) so no time zone can move it to the next or previous day.
 */
export function formatDate(isoDate: string, lang: Lang): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return `${day} ${months[lang][month - 1]} ${year}`;
}

const numberFormats: Partial<Record<Lang, Intl.NumberFormat>> = {};

/** 1,250 and 1.5 in both languages (Malaysia groups with commas and uses a decimal point). */
export function formatNumber(value: number, lang: Lang): string {
  numberFormats[lang] ??= new Intl.NumberFormat(lang === 'ms' ? 'ms-MY' : 'en-MY', { maximumFractionDigits: 1 });
  return numberFormats[lang].format(value);
}

/** "1 hour", "2 hours", "2 jam": Malay does not inflect, English picks one or many. */
export const count = (value: number, lang: Lang, one: string, many = one) =>
  `${formatNumber(value, lang)} ${value === 1 ? one : many}`;
