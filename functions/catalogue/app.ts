/** The catalogue context as a mountable app, wired from configuration. */
import type { Hono } from 'hono/tiny';
import type { Clients } from '../core/clients';
import type { Config } from '../core/config';
import type { AppEnv } from '../core/http';
import { catalogueRoutes } from './routes';
import { catalogueStore } from './store';

export const CATALOGUE_BASE = '/api/catalogue';

export function mountCatalogue(app: Hono<AppEnv>, config: Config, clients: Clients) {
  return app.route(CATALOGUE_BASE, catalogueRoutes(catalogueStore(clients.ddb, config.tableName)));
}
