/** Lambda entry of the audit context (read-only table access). */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { handle } from 'hono/aws-lambda';
import { createClients } from '../core/clients';
import { loadConfig } from '../core/config';
import { withSecrets } from '../core/secrets';
import { createApp } from '../core/http';
import { logger } from '../core/logger';
import { accessDeps } from '../identity/access';
import { identityDeps } from '../identity/app';
import { auditOperations } from './openapi';
import { auditRoutes } from './routes';

const config = await withSecrets(loadConfig());
const clients = createClients(config);
const deps = identityDeps(config, clients);
const app = createApp({ operations: auditOperations, access: accessDeps(config, clients, deps.orgs) }).route('/api', auditRoutes(deps.audit, deps.orgs, (ids) => deps.store.namesOf(ids)));

export const handler = middy(handle(app)).use(injectLambdaContext(logger));
