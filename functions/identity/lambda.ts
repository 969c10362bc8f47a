/** Lambda entry of the identity context: the same app the local server runs. */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { handle } from 'hono/aws-lambda';
import { createClients } from '../core/clients';
import { loadConfig } from '../core/config';
import { createApp } from '../core/http';
import { logger } from '../core/logger';
import { dynamoRateLimiter } from '../core/rate-limit';
import { withSecrets } from '../core/secrets';
import { accessDeps } from './access';
import { identityDeps, mountIdentity } from './app';
import { identityOperations } from './openapi';

const config = await withSecrets(loadConfig());
const clients = createClients(config);
const deps = identityDeps(config, clients);
const app = mountIdentity(
  createApp({ operations: identityOperations, access: accessDeps(config, clients, deps.orgs), rateLimiter: dynamoRateLimiter(clients.ddb, config.tableName) }),
  deps,
);

export const handler = middy(handle(app)).use(injectLambdaContext(logger));
