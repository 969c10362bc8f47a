/**
 * Our own interaction routes (oidc-provider's dev interactions stay off):
 *   GET  /interaction/:uid         the login page (BM by default, `?lang=en`, remembered in a
 *                                  cookie); for the consent prompt, an automatic grant
 *   POST /interaction/:uid/login   username + password, rate-limited per username and IP
 *   GET  /interaction/:uid/abort   back to the client with `access_denied`
 * The client is first-party (the Latih web app), so consent is granted without a screen, the
 * way a Cognito app client never asks.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errors, type Interaction, type Provider } from 'oidc-provider';
import { checkCredentials, type DemoAccount } from './accounts';
import type { ImportedAccounts } from './imported';
import { LANG_COOKIE, asLang, contentSecurityPolicy, langFromUiLocales, loginPage, messagePage, parseCookies, t, type Lang } from './pages';

/** Failed logins allowed per username and IP within the window, before every attempt is refused. */
export type RateLimit = { maxFailures: number; windowMs: number };
export const defaultRateLimit: RateLimit = { maxFailures: 10, windowMs: 60_000 };

/** A sliding window of failed attempts per key; memory stays bounded by pruning on use. */
export class FailedLoginLimiter {
  readonly #failures = new Map<string, number[]>();
  constructor(
    private readonly limit: RateLimit = defaultRateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  #recent(key: string): number[] {
    const cutoff = this.now() - this.limit.windowMs;
    const recent = (this.#failures.get(key) ?? []).filter((at) => at > cutoff);
    if (recent.length) this.#failures.set(key, recent);
    else this.#failures.delete(key);
    return recent;
  }

  /** Whether this key has used up its failures; if so, how long until the oldest expires. */
  blocked(key: string): { blocked: false } | { blocked: true; retryAfterSeconds: number } {
    const recent = this.#recent(key);
    if (recent.length < this.limit.maxFailures) return { blocked: false };
    return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + this.limit.windowMs - this.now()) / 1000)) };
  }

  fail(key: string): void {
    if (this.#failures.size > 10_000) for (const k of [...this.#failures.keys()]) this.#recent(k);
    this.#failures.set(key, [...this.#recent(key), this.now()]);
  }

  succeed(key: string): void {
    this.#failures.delete(key);
  }
}

export type InteractionContext = {
  provider: Provider;
  accounts: readonly DemoAccount[];
  /** Accounts created by imports: they sign in with their email. */
  imported?: ImportedAccounts;
  clientId: string;
  limiter: FailedLoginLimiter;
  /** Where "return to Latih" links point (the web app's origin). */
  webOrigin?: string;
};

const MAX_BODY_BYTES = 16 * 1024;

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') {
      req.resume();
      resolve(new URLSearchParams());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(Object.assign(new Error('form too large'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...headers,
  });
  res.end(html);
}

/** Explicit choice (query or form) first, then the remembered cookie, then the client's ui_locales, then BM. */
function pageLang(explicit: unknown, req: IncomingMessage, interaction?: Interaction): Lang {
  return asLang(explicit) ?? asLang(parseCookies(req.headers.cookie).get(LANG_COOKIE)) ?? langFromUiLocales(interaction?.params.ui_locales) ?? 'ms';
}

const langCookie = (lang: Lang) => `${LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax`;

/** Login with the details the prompt lacks; the Grant covers exactly what was asked for. */
async function grantConsent(ctx: InteractionContext, req: IncomingMessage, res: ServerResponse, interaction: Interaction): Promise<void> {
  const { provider } = ctx;
  const accountId = interaction.session?.accountId;
  if (!accountId || interaction.params.client_id !== ctx.clientId) {
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'consent is only granted to the first-party client' }, { mergeWithLastSubmission: false });
    return;
  }
  const existing = interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId, clientId: ctx.clientId });
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = interaction.prompt.details;
  if (missingOIDCScope?.length) grant.addOIDCScope(missingOIDCScope.join(' '));
  if (missingOIDCClaims?.length) grant.addOIDCClaims(missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(missingResourceScopes ?? {})) grant.addResourceScope(resource, scopes.join(' '));
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: existing ? {} : { grantId } }, { mergeWithLastSubmission: true });
}

/**
 * Handles `/interaction/...`; returns false for any other path so the provider answers it.
 * Failures of the interaction itself (expired, cookie missing) become a BM/EN page.
 */
export async function handleInteraction(ctx: InteractionContext, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://local');
  const match = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|abort))?\/?$/.exec(url.pathname);
  if (!url.pathname.startsWith('/interaction/')) return false;
  const lang0 = pageLang(url.searchParams.get('lang'), req);
  if (!match) {
    sendHtml(res, 404, messagePage(lang0, t(lang0).expiredTitle, t(lang0).expired, ctx.webOrigin));
    return true;
  }
  const [, uid, action] = match;
  const method = req.method ?? 'GET';
  try {
    if ((action === 'login' && method !== 'POST') || (action !== 'login' && method !== 'GET' && method !== 'HEAD')) {
      res.writeHead(405, { allow: action === 'login' ? 'POST' : 'GET, HEAD' }).end();
      return true;
    }
    const form = action === 'login' ? await readForm(req) : undefined;
    const interaction = await ctx.provider.interactionDetails(req, res);
    if (interaction.uid !== uid) throw new errors.SessionNotFound('interaction uid does not match its cookie');

    if (action === 'abort') {
      await ctx.provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'End-User aborted interaction' }, { mergeWithLastSubmission: false });
      return true;
    }

    if (interaction.prompt.name === 'consent') {
      await grantConsent(ctx, req, res, interaction);
      return true;
    }
    if (interaction.prompt.name !== 'login') {
      sendHtml(res, 400, messagePage(lang0, t(lang0).errorTitle, t(lang0).errorIntro, ctx.webOrigin));
      return true;
    }

    if (!form) {
      const explicit = asLang(url.searchParams.get('lang'));
      const lang = pageLang(explicit, req, interaction);
      sendHtml(res, 200, loginPage({ lang, uid: interaction.uid, accounts: ctx.accounts }), explicit ? { 'set-cookie': langCookie(explicit) } : {});
      return true;
    }

    const lang = pageLang(form.get('lang'), req, interaction);
    const username = (form.get('username') ?? '').trim().toLowerCase();
    const password = form.get('password') ?? '';
    const key = `${username}\u0000${req.socket.remoteAddress ?? ''}`;
    const limited = ctx.limiter.blocked(key);
    if (limited.blocked) {
      sendHtml(res, 429, loginPage({ lang, uid: interaction.uid, accounts: ctx.accounts, error: 'tooMany', username }), {
        'retry-after': String(limited.retryAfterSeconds),
      });
      return true;
    }
    const account = checkCredentials(ctx.accounts, username, password) ?? ctx.imported?.check(username, password);
    if (!account) {
      ctx.limiter.fail(key);
      sendHtml(res, 401, loginPage({ lang, uid: interaction.uid, accounts: ctx.accounts, error: 'wrong', username }));
      return true;
    }
    ctx.limiter.succeed(key);
    await ctx.provider.interactionFinished(req, res, { login: { accountId: account.sub, amr: ['pwd'] } }, { mergeWithLastSubmission: false });
    return true;
  } catch (err) {
    if (res.headersSent) throw err;
    if (err instanceof errors.SessionNotFound) {
      sendHtml(res, 400, messagePage(lang0, t(lang0).expiredTitle, t(lang0).expired, ctx.webOrigin));
      return true;
    }
    if ((err as { status?: number }).status === 413) {
      sendHtml(res, 413, messagePage(lang0, t(lang0).errorTitle, t(lang0).errorIntro, ctx.webOrigin));
      return true;
    }
    throw err;
  }
}
