/** The identity context wired from configuration, and the access dependencies every signed-in app needs. */
import type { Hono } from 'hono/tiny';
import { auditLog } from '../core/audit';
import { createTokenVerifier } from '../core/auth';
import type { Clients } from '../core/clients';
import { required, type Config } from '../core/config';
import type { AccessDeps, AppEnv } from '../core/http';
import { orgDirectory } from './orgs';
import { exportRoutes } from './export-routes';
import { importRoutes } from './import-routes';
import { loginAccountsFrom } from './login-accounts';
import { identityRoutes } from './routes';
import { identityStore } from './store';

export function identityDeps(config: Config, clients: Clients, clock: () => Date = () => new Date()) {
  const audit = auditLog(clients.ddb, config.tableName, clock);
  const orgs = orgDirectory(clients.ddb, config.tableName);
  const store = identityStore(clients.ddb, config.tableName, audit, required(config.piiKey, 'PII_HMAC_KEY'));
  const { issuer, clientId } = required(config.oidc, 'OIDC_ISSUER, OIDC_CLIENT_ID');
  const { logoutUrl } = config.oidc!;
  return { audit, orgs, store, clock, login: { issuer, clientId, ...(logoutUrl ? { logoutUrl } : {}) }, loginAccounts: loginAccountsFrom(config) };
}

/** What the access guard reads: tokens against the issuer's JWKS, roles and units from the table. */
export function accessDeps(config: Config, deps: ReturnType<typeof identityDeps>): AccessDeps {
  return {
    verifyToken: createTokenVerifier(required(config.oidc, 'OIDC_ISSUER, OIDC_CLIENT_ID')),
    assignmentsOf: (userId) => deps.store.assignmentsOf(userId),
    orgOfUser: async (userId) => (await deps.store.getProfile(userId))?.orgId,
    ancestorsOf: (orgId) => deps.orgs.ancestorsOf(orgId),
  };
}

export function mountIdentity(app: Hono<AppEnv>, deps: ReturnType<typeof identityDeps>) {
  return app.route('/api', identityRoutes(deps));
}

/** Bulk in and out (CSV import and export): the imports Lambda. */
export function mountImport(app: Hono<AppEnv>, deps: ReturnType<typeof identityDeps>) {
  return app.route('/api', importRoutes(deps)).route('/api', exportRoutes(deps));
}
