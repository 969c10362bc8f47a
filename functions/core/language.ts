/** The two official languages: Bahasa Melayu first and by default, English second. */
export const languages = ['ms', 'en'] as const;
export type Lang = (typeof languages)[number];
export const defaultLang: Lang = 'ms';

/** Text in both languages. */
export type Bilingual = { ms: string; en: string };

/**
 * Picks ms or en from an Accept-Language header (RFC 9110 §12.5.4), honouring q-values.
 * Anything that is neither Malay nor English, or no header at all, gives Malay.
 */
export function negotiateLanguage(header: string | null | undefined): Lang {
  if (!header) return defaultLang;
  let best: { lang: Lang; q: number } | undefined;
  for (const part of header.split(',').slice(0, 20)) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const primary = tag.split('-')[0];
    const lang = primary === 'ms' || primary === 'may' || primary === 'msa' ? 'ms' : primary === 'en' ? 'en' : undefined;
    if (!lang) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang, q };
  }
  return best?.lang ?? defaultLang;
}
