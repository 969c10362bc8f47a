/** Lambda entry of certificate documents (PDF download, ZIP export): the same app the local server runs. */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { handle } from 'hono/aws-lambda';
import { createClients } from '../core/clients';
import { loadConfig } from '../core/config';
import { createApp } from '../core/http';
import { logger } from '../core/logger';
import { dynamoRateLimiter } from '../core/rate-limit';
import { withSecrets } from '../core/secrets';
import { accessDeps } from '../identity/access';
import { certificateDeps } from './app';
import { mountCertificateDocuments } from './document-routes';
import { certificateDocumentOperations } from './openapi';

const config = await withSecrets(loadConfig());
const clients = createClients(config);
const app = mountCertificateDocuments(
  createApp({ operations: certificateDocumentOperations, access: accessDeps(config, clients), rateLimiter: dynamoRateLimiter(clients.ddb, config.tableName) }),
  certificateDeps(config, clients),
);

export const handler = middy(handle(app)).use(injectLambdaContext(logger));
