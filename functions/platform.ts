/**
 * The whole API as one app: every context mounted at its base path. The local server runs
 * this; in AWS each context's Lambda mounts only its own routes (functions/contexts.ts),
 * through the same mount functions.
 */
import type { Clients } from './core/clients';
import type { Config } from './core/config';
import { createApp } from './core/http';
import { mountCatalogue } from './catalogue/app';
import { docsRoutes, operations } from './docs/routes';

export function createPlatformApp(config: Config, clients: Clients) {
  const app = createApp({ operations });
  mountCatalogue(app, config, clients);
  app.route('/api', docsRoutes());
  return app;
}
