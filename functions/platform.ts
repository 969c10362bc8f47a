/**
 * The whole API as one app: every context mounted at its base path. The local server runs
 * this; in AWS each context's Lambda mounts only its own routes (functions/contexts.ts),
 * through the same mount functions.
 */
import type { Clients } from './core/clients';
import type { Config } from './core/config';
import { createApp } from './core/http';
import { dynamoRateLimiter } from './core/rate-limit';
import { mountCatalogue } from './catalogue/app';
import { auditRoutes } from './audit/routes';
import { docsRoutes, operations } from './docs/routes';
import { accessDeps } from './identity/access';
import { identityDeps, importDeps, mountIdentity, mountImport } from './identity/app';
import { certificateDeps, mountCertificates } from './certificates/app';
import { mountCertificateDocuments } from './certificates/document-routes';
import { learningDeps, mountLearning } from './learning/app';

export function createPlatformApp(config: Config, clients: Clients, clock?: () => Date) {
  const identity = identityDeps(config, clients, clock);
  const app = createApp({
    operations,
    access: accessDeps(config, clients, identity.orgs),
    rateLimiter: dynamoRateLimiter(clients.ddb, config.tableName, clock ? () => clock().getTime() : undefined),
  });
  mountCatalogue(app, config, clients);
  mountImport(app, importDeps(config, identity));
  mountIdentity(app, identity);
  mountLearning(app, learningDeps(config, clients, clock ? { clock } : {}));
  app.route('/api', auditRoutes(identity.audit, identity.orgs, (ids) => identity.store.namesOf(ids)));
  const certificates = certificateDeps(config, clients, clock);
  mountCertificates(app, certificates);
  mountCertificateDocuments(app, certificates);
  app.route('/api', docsRoutes());
  return app;
}
