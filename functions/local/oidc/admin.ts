/**
 * The account-admin endpoint of the local OpenID provider (LOCAL ONLY): what the imports
 * Lambda asks Cognito for in AWS (AdminCreateUser/AdminGetUser), asked of the local provider
 * instead (functions/identity/login-accounts.ts, `localLoginAccounts`).
 *
 *   POST /admin/accounts   Authorization: Bearer <ACCOUNT_ADMIN_SECRET>   {"email","name"}
 *   -> 201 {"sub","created":true} | 200 {"sub","created":false} (the account of that email)
 *
 * Only a caller holding the secret (from configuration; generated into .data by `npm start`)
 * may create accounts; anyone else gets 401 and learns nothing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod/mini';
import type { ImportedAccounts } from './imported';

export const ACCOUNT_ADMIN_PATH = '/admin/accounts';
const MAX_BODY_BYTES = 4096;

const Body = z.object({ email: z.email(), name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)) });

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Handles the endpoint; false for any other path. */
export async function handleAccountAdmin(
  ctx: { accounts: ImportedAccounts; secret: string | undefined },
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const path = new URL(req.url ?? '/', 'http://local').pathname;
  if (path !== ACCOUNT_ADMIN_PATH) return false;
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'POST' }).end();
    return true;
  }
  const presented = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
  if (!ctx.secret || !timingSafeEqual(digest(presented), digest(ctx.secret))) {
    req.resume();
    send(res, 401, { error: 'unauthorized' });
    return true;
  }
  const text = await readBody(req);
  let parsed: ReturnType<typeof z.safeParse<typeof Body>> | undefined;
  try {
    parsed = text === undefined ? undefined : z.safeParse(Body, JSON.parse(text));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) {
    send(res, 400, { error: 'invalid_request' });
    return true;
  }
  const { account, created } = ctx.accounts.ensure(parsed.data.email, parsed.data.name);
  send(res, created ? 201 : 200, { sub: account.sub, created });
  return true;
}
