/** Lambda entry of the catalogue context: the same app the local server runs. */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { handle } from 'hono/aws-lambda';
import { createClients } from '../core/clients';
import { loadConfig } from '../core/config';
import { createApp } from '../core/http';
import { logger } from '../core/logger';
import { mountCatalogue } from './app';
import { catalogueOperations } from './openapi';

const config = loadConfig();
const app = mountCatalogue(createApp({ operations: catalogueOperations }), config, createClients(config));

export const handler = middy(handle(app)).use(injectLambdaContext(logger));
