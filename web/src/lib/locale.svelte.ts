/**
 * The UI language as Svelte 5 state: Bahasa Melayu by default, English on request.
 * The choice is remembered in localStorage and mirrored on <html lang> so screen readers
 * pronounce the page in the right language.
 */
import { formatDate, formatNumber, messages, type Bilingual, type Lang, type Messages } from './i18n';

const STORAGE_KEY = 'latih.lang';

function storedLang(): Lang {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return value === 'en' || value === 'ms' ? value : 'ms';
  } catch {
    // Storage can be blocked (private mode, policy): the default language still works.
    return 'ms';
  }
}

class Locale {
  lang = $state<Lang>(storedLang());
  /** The dictionary of the current language. */
  t: Messages = $derived(messages[this.lang]);

  constructor() {
    if (typeof document !== 'undefined') document.documentElement.lang = this.lang;
  }

  set(lang: Lang) {
    this.lang = lang;
    document.documentElement.lang = lang;
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Not remembered, but the switch itself still applies for this visit.
    }
  }

  /** The current language's half of bilingual API text. */
  pick = (text: Bilingual): string => text[this.lang];
  date = (isoDate: string): string => formatDate(isoDate, this.lang);
  number = (value: number): string => formatNumber(value, this.lang);
}

export const locale = new Locale();
