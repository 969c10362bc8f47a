/**
 * The pages of the local OpenID provider, in Bahasa Melayu (default) and English, with the
 * MYDS look: white, primary #2563EB, system fonts, a 3 px focus ring, 44 px targets, one
 * column that works at 360 px. Plain server-rendered HTML: no script, so they work however
 * the browser is set up (the logout page's one-line auto-submit has a button as fallback).
 */
import { createHash } from 'node:crypto';
import type { DemoAccount } from './accounts';

export type Lang = 'ms' | 'en';
export const LANG_COOKIE = 'latih_lang';

const strings = {
  ms: {
    signInTitle: 'Log Masuk ke Latih',
    localNotice: 'Pembekal log masuk tempatan untuk pembangunan. Di AWS, log masuk melalui Cognito (kemudian MyDigital ID).',
    skip: 'Langkau ke kandungan utama',
    languages: 'Bahasa',
    username: 'Nama pengguna',
    password: 'Kata laluan',
    submit: 'Log Masuk',
    cancel: 'Batal dan kembali ke Latih',
    wrong: 'Nama pengguna atau kata laluan salah.',
    tooMany: 'Terlalu banyak percubaan log masuk yang gagal. Sila cuba lagi dalam satu minit.',
    demoHeading: 'Akaun demo — tempatan sahaja',
    demoHint: 'Setiap akaun demo menggunakan kata laluan',
    importedHint: 'Orang yang didaftarkan melalui import CSV log masuk dengan e-mel mereka dan kata laluan yang sama,',
    demoUsername: 'Nama pengguna',
    signInAs: (name: string) => `Log masuk sebagai ${name}`,
    expiredTitle: 'Sesi log masuk telah tamat',
    expired: 'Permintaan log masuk ini telah tamat atau tidak sah. Sila kembali ke Latih dan log masuk semula.',
    back: 'Kembali ke Latih',
    errorTitle: 'Ralat log masuk',
    errorIntro: 'Permintaan log masuk tidak dapat diproses.',
    logoutTitle: 'Log keluar daripada Latih',
    logoutBusy: 'Sedang log keluar…',
    logoutButton: 'Log keluar',
    loggedOutTitle: 'Anda telah log keluar',
    loggedOut: 'Anda telah log keluar daripada Latih.',
  },
  en: {
    signInTitle: 'Sign in to Latih',
    localNotice: 'Local sign-in provider for development. In AWS, sign-in goes through Cognito (later MyDigital ID).',
    skip: 'Skip to main content',
    languages: 'Language',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    cancel: 'Cancel and return to Latih',
    wrong: 'Wrong username or password.',
    tooMany: 'Too many failed sign-in attempts. Please try again in a minute.',
    demoHeading: 'Demo accounts — local only',
    demoHint: 'Every demo account uses the password',
    importedHint: 'People registered by a CSV import sign in with their email and the same password,',
    demoUsername: 'Username',
    signInAs: (name: string) => `Sign in as ${name}`,
    expiredTitle: 'Sign-in session expired',
    expired: 'This sign-in request has expired or is not valid. Please return to Latih and sign in again.',
    back: 'Return to Latih',
    errorTitle: 'Sign-in error',
    errorIntro: 'The sign-in request could not be processed.',
    logoutTitle: 'Sign out of Latih',
    logoutBusy: 'Signing out…',
    logoutButton: 'Sign out',
    loggedOutTitle: 'You have signed out',
    loggedOut: 'You have signed out of Latih.',
  },
} as const;

export type Strings = (typeof strings)[Lang];
export const t = (lang: Lang): Strings => strings[lang];

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** MYDS tokens: primary 600/700/50, gray 900/600/500/200/100, danger 700/600/200/50, warning 800/200/50. */
const css = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#fff;color:#18181B;font:16px/24px system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:#2563EB;text-underline-offset:2px}
a:hover{color:#1D4ED8}
:focus-visible{outline:3px solid #2563EB;outline-offset:2px}
.skip{position:absolute;left:8px;top:-100px;padding:8px 16px;background:#fff;border-radius:8px;z-index:1}
.skip:focus{top:8px}
header{border-bottom:1px solid #E4E4E7}
.bar{max-width:640px;margin:0 auto;padding:0 16px;min-height:56px;display:flex;align-items:center;justify-content:space-between;gap:16px}
.brand{font-weight:600;font-size:20px;line-height:28px;color:#2563EB}
.langs{display:flex;gap:4px;margin:0;padding:0;list-style:none}
.langs a{display:inline-flex;align-items:center;justify-content:center;min-width:44px;min-height:44px;padding:0 8px;border-radius:8px;font-weight:600;text-decoration:none}
.langs a[aria-current="true"]{background:#EFF6FF;color:#1D4ED8}
.notice{background:#FEFCE8;color:#854D0E;border-bottom:1px solid #FEF08A;font-size:14px;line-height:20px}
.notice p{max-width:640px;margin:0 auto;padding:8px 16px}
main{max-width:640px;margin:0 auto;padding:24px 16px 48px}
h1{font-size:30px;line-height:38px;font-weight:600;margin:0 0 24px}
h2{font-size:20px;line-height:28px;font-weight:600;margin:0 0 8px}
.alert{border:1px solid #FECACA;background:#FEF2F2;color:#B91C1C;border-radius:8px;padding:12px 16px;margin:0 0 24px;font-weight:500}
.alert:empty{display:none}
label{display:block;font-weight:500;margin:0 0 4px}
input[type=text],input[type=password]{display:block;width:100%;min-height:44px;padding:8px 12px;font:inherit;color:inherit;border:1px solid #6B6B74;border-radius:8px;background:#fff;margin:0 0 16px}
input[aria-invalid=true]{border-color:#DC2626}
input[aria-invalid=true]:focus-visible{outline-color:#DC2626}
button,.button{display:inline-flex;align-items:center;justify-content:center;min-height:44px;padding:8px 16px;font:inherit;font-weight:600;border-radius:8px;border:1px solid #2563EB;background:#2563EB;color:#fff;cursor:pointer;text-align:center;text-decoration:none}
button:hover,.button:hover{background:#1D4ED8;border-color:#1D4ED8;color:#fff}
button.secondary{background:#fff;color:#1D4ED8;border-color:#D4D4D8}
button.secondary:hover{background:#EFF6FF;color:#1D4ED8}
.primary-action{width:100%}
.cancel{display:inline-block;margin:16px 0 0;min-height:44px;padding:10px 0}
section{margin-top:32px;padding-top:24px;border-top:1px solid #E4E4E7}
.hint{color:#52525B;font-size:14px;line-height:20px;margin:0 0 16px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;background:#F4F4F5;border-radius:4px;padding:1px 4px}
.accounts{list-style:none;margin:0;padding:0;display:grid;gap:8px}
.accounts li{border:1px solid #E4E4E7;border-radius:8px;padding:12px 16px}
.accounts form{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:8px}
.who{min-width:0;flex:1 1 240px}
.who p{margin:0}
.name{font-weight:600}
.role,.user{color:#52525B;font-size:14px;line-height:20px}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
`;

/** Every page's style sheet is this one inline block; the CSP allows exactly it. */
export const contentSecurityPolicy = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(css).digest('base64')}'; img-src data:; base-uri 'none'; frame-ancestors 'none'`;

type Shell = { lang: Lang; title: string; body: string; langLinks?: { ms: string; en: string }; head?: string };

function shell({ lang, title, body, langLinks, head = '' }: Shell): string {
  const s = t(lang);
  const switcher = langLinks
    ? `<nav aria-label="${s.languages}"><ul class="langs">
<li><a href="${escapeHtml(langLinks.ms)}" lang="ms" hreflang="ms" aria-label="Bahasa Melayu"${lang === 'ms' ? ' aria-current="true"' : ''}>BM</a></li>
<li><a href="${escapeHtml(langLinks.en)}" lang="en" hreflang="en" aria-label="English"${lang === 'en' ? ' aria-current="true"' : ''}>EN</a></li>
</ul></nav>`
    : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)} — Latih</title>
<style>${css}</style>${head}
</head>
<body>
<header>
<a class="skip" href="#main">${s.skip}</a>
<div class="bar"><span class="brand">Latih</span>${switcher}</div>
<div class="notice"><p>${s.localNotice}</p></div>
</header>
<main id="main">
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

export type LoginPageInput = {
  lang: Lang;
  uid: string;
  accounts: readonly DemoAccount[];
  error?: 'wrong' | 'tooMany';
  username?: string;
};

export function loginPage({ lang, uid, accounts, error, username = '' }: LoginPageInput): string {
  const s = t(lang);
  const base = `/interaction/${encodeURIComponent(uid)}`;
  const action = `${base}/login`;
  const invalid = error ? ' aria-invalid="true" aria-describedby="login-error"' : '';
  const langField = `<input type="hidden" name="lang" value="${lang}">`;
  const demo = accounts
    .map(
      (a) => `<li><form method="post" action="${action}">
${langField}<input type="hidden" name="username" value="${escapeHtml(a.username)}"><input type="hidden" name="password" value="demo">
<div class="who"><p class="name">${escapeHtml(a.name)}</p><p class="role">${escapeHtml(a.role[lang])}</p><p class="user">${s.demoUsername}: <code>${escapeHtml(a.username)}</code></p></div>
<button type="submit" class="secondary">${escapeHtml(s.signInAs(a.name))}</button>
</form></li>`,
    )
    .join('\n');
  const body = `<div id="login-error" class="alert" role="alert">${error ? s[error] : ''}</div>
<form method="post" action="${action}">
${langField}
<label for="username">${s.username}</label>
<input type="text" id="username" name="username" value="${escapeHtml(username)}" autocomplete="username" autocapitalize="none" spellcheck="false" required${invalid}>
<label for="password">${s.password}</label>
<input type="password" id="password" name="password" autocomplete="current-password" required${invalid}>
<button type="submit" class="primary-action">${s.submit}</button>
</form>
<a class="cancel" href="${base}/abort">${s.cancel}</a>
<section aria-labelledby="demo-heading">
<h2 id="demo-heading">${s.demoHeading}</h2>
<p class="hint">${s.demoHint} <code>demo</code>. ${s.importedHint} <code>demo</code>.</p>
<ul class="accounts">
${demo}
</ul>
</section>`;
  return shell({ lang, title: s.signInTitle, body, langLinks: { ms: `${base}?lang=ms`, en: `${base}?lang=en` } });
}

/** A page with a heading, a paragraph and optionally a link back to the web app. */
export function messagePage(lang: Lang, title: string, text: string, backTo?: string, details = ''): string {
  const s = t(lang);
  const back = backTo ? `<p><a class="button" href="${escapeHtml(backTo)}">${s.back}</a></p>` : '';
  return shell({ lang, title, body: `<p>${escapeHtml(text)}</p>${details}${back}` });
}

export function errorPage(lang: Lang, out: Record<string, unknown>, backTo?: string): string {
  const s = t(lang);
  const details = `<dl>${['error', 'error_description']
    .filter((k) => out[k] !== undefined)
    .map((k) => `<dt><code>${k}</code></dt><dd>${escapeHtml(out[k])}</dd>`)
    .join('')}</dl>`;
  return messagePage(lang, s.errorTitle, s.errorIntro, backTo, details);
}

/**
 * RP-initiated logout confirms at once, as Cognito's /logout does: the provider's form (with
 * its anti-forgery field) is submitted by a one-line script, or by the button without script.
 */
export function logoutPage(lang: Lang, form: string): { html: string; scriptHash: string } {
  const s = t(lang);
  const script = `document.getElementById('op.logoutForm').submit()`;
  const scriptHash = `sha256-${createHash('sha256').update(script).digest('base64')}`;
  const body = `<p>${s.logoutBusy}</p>
${form}
<input type="hidden" form="op.logoutForm" name="logout" value="yes">
<button type="submit" form="op.logoutForm">${s.logoutButton}</button>
<script>${script}</script>`;
  return { html: shell({ lang, title: s.logoutTitle, body }), scriptHash };
}

export function loggedOutPage(lang: Lang, backTo?: string): string {
  const s = t(lang);
  return messagePage(lang, s.loggedOutTitle, s.loggedOut, backTo);
}

/** Parses a Cookie header into name -> value (first occurrence wins). */
export function parseCookies(header: string | string[] | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (Array.isArray(header) ? header.join(';') : (header ?? '')).split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}

export const asLang = (value: unknown): Lang | undefined => (value === 'ms' || value === 'en' ? value : undefined);

/** The first of `ui_locales` (OIDC, space-separated BCP 47 tags) that we speak. */
export function langFromUiLocales(uiLocales: unknown): Lang | undefined {
  if (typeof uiLocales !== 'string') return undefined;
  for (const tag of uiLocales.split(' ')) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'ms' || primary === 'en') return primary;
  }
  return undefined;
}
