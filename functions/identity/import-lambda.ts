/** Lambda entry of bulk registration (CSV import): the same app the local server runs. */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { handle } from 'hono/aws-lambda';
import { createClients } from '../core/clients';
import { loadConfig, required } from '../core/config';
import { createApp } from '../core/http';
import { logger } from '../core/logger';
import { dynamoRateLimiter } from '../core/rate-limit';
import { withSecrets } from '../core/secrets';
import { accessDeps } from './access';
import { identityDeps, importDeps, mountImport } from './app';
import { importOperations } from './openapi';

const config = await withSecrets(loadConfig());
// Imports of civil servants and teachers open sign-in accounts: fail at cold start, not mid-import.
required(config.loginAccounts, 'COGNITO_USER_POOL_ID');
const clients = createClients(config);
const deps = identityDeps(config, clients);
const app = mountImport(
  createApp({ operations: importOperations, access: accessDeps(config, clients, deps.orgs), rateLimiter: dynamoRateLimiter(clients.ddb, config.tableName) }),
  importDeps(config, deps),
);

export const handler = middy(handle(app)).use(injectLambdaContext(logger));
