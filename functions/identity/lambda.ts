/** Lambda entry of the identity context: the same app the local server runs. */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { handle } from 'hono/aws-lambda';
import { createClients } from '../core/clients';
import { loadConfig } from '../core/config';
import { withSecrets } from '../core/secrets';
import { createApp } from '../core/http';
import { logger } from '../core/logger';
import { accessDeps, identityDeps, mountIdentity } from './app';
import { identityOperations } from './openapi';

const config = await withSecrets(loadConfig());
const deps = identityDeps(config, createClients(config));
const app = mountIdentity(createApp({ operations: identityOperations, access: accessDeps(config, deps) }), deps);

export const handler = middy(handle(app)).use(injectLambdaContext(logger));
