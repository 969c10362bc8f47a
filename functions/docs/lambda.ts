/** Lambda entry of the docs context (no data access). */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { handle } from 'hono/aws-lambda';
import { createApp } from '../core/http';
import { logger } from '../core/logger';
import { docsOperations, docsRoutes } from './routes';

const app = createApp({ operations: docsOperations }).route('/api', docsRoutes());

export const handler = middy(handle(app)).use(injectLambdaContext(logger));
