/**
 * The UI language as Svelte 5 state: Bahasa Melayu by default, English on request.
 * The choice is remembered in localStorage and mirrored on <html lang> so screen readers
 * pronounce the page in the right language.
 */
import { formatDate, formatNumber, loadMessages, type Lang, type Messages } from './i18n';

const STORAGE_KEY = 'latih.lang';

function storedLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ms';
  } catch {
    // Storage can be blocked (private mode, policy): the default language still works.
    return 'ms';
  }
}

class Locale {
  lang = $state<Lang>(storedLang());
  /**
   * The shared strings in the current language. Set before anything renders: the root
   * layout's load awaits `ready`.
   */
  t = $state.raw<Messages>(undefined as never);
  readonly ready: Promise<void>;

  constructor() {
    this.ready = loadMessages(this.lang).then((messages) => {
      this.t = messages;
    });
    // The build imports this module in Node to read page options: no document there.
    if (typeof document !== 'undefined') document.documentElement.lang = this.lang;
  }

  /** Switches once the new language's strings have arrived, so no half-translated page. */
  async set(lang: Lang) {
    const messages = await loadMessages(lang);
    this.t = messages;
    this.lang = lang;
    document.documentElement.lang = lang;
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Not remembered, but the switch itself still applies for this visit.
    }
  }

  /** The current language's half of text that comes in both (API titles, page strings). */
  pick = <T>(text: Record<Lang, T>): T => text[this.lang];
  date = (isoDate: string): string => formatDate(isoDate, this.lang);
  number = (value: number): string => formatNumber(value, this.lang);
}

export const locale = new Locale();
