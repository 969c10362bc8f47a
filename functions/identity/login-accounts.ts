/**
 * Sign-in accounts for people registered by an import (civil servants and teachers). Their
 * profile's user id is the account's `sub`, the subject of every token they will present, so
 * the first sign-in finds the profile without any linking step.
 *
 * Which implementation runs is configuration (functions/core/config.ts), never a branch in
 * domain code: in AWS the Cognito user pool (COGNITO_USER_POOL_ID), on a laptop the local
 * OpenID provider's account-admin endpoint (ACCOUNT_ADMIN_URL + ACCOUNT_ADMIN_SECRET).
 *
 * `ensureAccount` is idempotent: an account that already exists for the email (an import
 * retried after a partial failure, a person who already has an account) is returned with
 * `created: false`, never duplicated.
 */
import { createHash } from 'node:crypto';
import {
  AdminCreateUserCommand, AdminGetUserCommand, CognitoIdentityProviderClient, type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Config } from '../core/config';

export type LoginAccounts = {
  ensureAccount(person: { email: string; name: string }): Promise<{ sub: string; created: boolean }>;
};

export class LoginAccountError extends Error {
  override name = 'LoginAccountError';
}

const subOf = (attributes: AttributeType[] | undefined) => attributes?.find((a) => a.Name === 'sub')?.Value;

/**
 * The username of an imported person's Cognito account. The pool signs people in by username
 * or by email alias, and Cognito refuses a username shaped like an email in such a pool, so
 * the username is derived from the email: the same person always gets the same username, and
 * a retried import meets UsernameExistsException instead of creating a second account. People
 * sign in with their email (the invitation names both).
 */
export function cognitoUsername(email: string): string {
  return `latih-${createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 24)}`;
}

/** Cognito: AdminCreateUser (Cognito emails the invitation and a temporary password). */
export function cognitoLoginAccounts(userPoolId: string, client: Pick<CognitoIdentityProviderClient, 'send'>): LoginAccounts {
  const existing = async (username: string) => {
    const out = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
    const sub = subOf(out.UserAttributes);
    if (!sub) throw new LoginAccountError('the existing account has no sub');
    return { sub, created: false };
  };
  return {
    async ensureAccount({ email, name }) {
      const address = email.trim().toLowerCase();
      const username = cognitoUsername(address);
      try {
        const out = await client.send(
          new AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: username,
            UserAttributes: [
              { Name: 'email', Value: address },
              // The official email comes from the employer's records, checked by the coordinator.
              { Name: 'email_verified', Value: 'true' },
              { Name: 'name', Value: name },
            ],
            DesiredDeliveryMediums: ['EMAIL'],
          }),
        );
        const sub = subOf(out.User?.Attributes);
        if (!sub) throw new LoginAccountError('AdminCreateUser returned no sub');
        return { sub, created: true };
      } catch (err) {
        const code = (err as Error).name;
        // Created by an earlier, interrupted run of this import: the same username.
        if (code === 'UsernameExistsException') return existing(username);
        // Someone already signs in with this email (an account made by hand): look it up by alias.
        if (code === 'AliasExistsException') return existing(address);
        throw err;
      }
    },
  };
}

/** The local OpenID provider's account-admin endpoint (functions/local/oidc/admin.ts). */
export function localLoginAccounts(url: string, secret: string, fetcher: typeof fetch = fetch): LoginAccounts {
  return {
    async ensureAccount({ email, name }) {
      const res = await fetcher(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ email: email.trim().toLowerCase(), name }),
      });
      if (!res.ok) throw new LoginAccountError(`account-admin endpoint answered ${res.status}`);
      const body = (await res.json()) as { sub?: unknown; created?: unknown };
      if (typeof body.sub !== 'string' || typeof body.created !== 'boolean') throw new LoginAccountError('account-admin endpoint answered an unexpected body');
      return { sub: body.sub, created: body.created };
    },
  };
}

/** The implementation the configuration names, or undefined when it names none. */
export function loginAccountsFrom(config: Config): LoginAccounts | undefined {
  const c = config.loginAccounts;
  if (!c) return undefined;
  if (c.kind === 'cognito') return cognitoLoginAccounts(c.userPoolId, new CognitoIdentityProviderClient({ region: config.region }));
  return localLoginAccounts(c.url, c.secret);
}
