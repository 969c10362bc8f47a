/** The identity context wired from configuration (the access guard's dependencies are in access.ts). */
import type { Hono } from 'hono/tiny';
import { auditLog } from '../core/audit';
import type { Clients } from '../core/clients';
import { required, type Config } from '../core/config';
import type { AppEnv } from '../core/http';
import { orgDirectory } from './orgs';
import { exportRoutes } from './export-routes';
import { importRoutes, type ImportDeps } from './import-routes';
import { loginAccountsFrom } from './login-accounts';
import { identityRoutes } from './routes';
import { identityStore } from './store';

export function identityDeps(config: Config, clients: Clients, clock: () => Date = () => new Date()) {
  const audit = auditLog(clients.ddb, config.tableName, clock);
  const orgs = orgDirectory(clients.ddb, config.tableName);
  const store = identityStore(clients.ddb, config.tableName, audit, required(config.piiKey, 'PII_HMAC_KEY'));
  const { issuer, clientId } = required(config.oidc, 'OIDC_ISSUER, OIDC_CLIENT_ID');
  const { logoutUrl } = config.oidc!;
  return { audit, orgs, store, clock, login: { issuer, clientId, ...(logoutUrl ? { logoutUrl } : {}) } };
}

/**
 * The import's dependencies: identity's plus the sign-in accounts it opens. Apart from
 * identityDeps so that the other Lambdas using identityDeps (identity, audit) leave the
 * account-opening code out of their bundles.
 */
export function importDeps(config: Config, deps: ReturnType<typeof identityDeps>): ImportDeps {
  return { ...deps, loginAccounts: loginAccountsFrom(config) };
}

export function mountIdentity(app: Hono<AppEnv>, deps: ReturnType<typeof identityDeps>) {
  return app.route('/api', identityRoutes(deps));
}

/** Bulk in and out (CSV import and export): the imports Lambda. */
export function mountImport(app: Hono<AppEnv>, deps: ImportDeps) {
  return app.route('/api', importRoutes(deps)).route('/api', exportRoutes(deps));
}
