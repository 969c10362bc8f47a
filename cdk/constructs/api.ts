/**
 * The HTTP API: one route per manifest route string, each to its context's function, with
 * access logs to an encrypted log group and throttling on the `$default` stage. Every route
 * requires a valid token (JWT authorizer) unless the manifest lists it in `publicRoutes`.
 *
 * The routes are added after construction (`addContextRoutes`): the API itself must exist
 * before CloudFront (its origin), CloudFront before the Cognito client (its callback URL), and
 * the client before the authorizer the routes use.
 */
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface ApiRoutes {
  /** Context name, e.g. `catalogue`. */
  name: string;
  /** "METHOD /path" route keys, API Gateway syntax. */
  routes: readonly string[];
  fn: lambda.IFunction;
  /**
   * Public routes with the reason (functions/contexts.ts `publicRoutes`): no authorizer, and the
   * reason recorded on the route's AwsSolutions-APIG4 acknowledgement. Every other route gets
   * the authorizer; a route that ended up without one would fail `cdk synth` (APIG4).
   */
  publicRoutes?: Readonly<Record<string, string>>;
}

export interface ApiProps {
  stage: string;
  key: kms.IKey;
}

const METHODS = new Set<string>(Object.values(apigw.HttpMethod));


/** Splits "GET /api/x" into its method and path; throws on anything API Gateway would reject. */
export function parseRouteKey(routeKey: string): { method: apigw.HttpMethod; path: string } {
  const match = /^([A-Z]+) (\/\S*)$/.exec(routeKey);
  if (!match || !METHODS.has(match[1]!)) {
    throw new Error(`Invalid route "${routeKey}" in functions/contexts.ts: expected "METHOD /path", e.g. "GET /api/health"`);
  }
  return { method: match[1] as apigw.HttpMethod, path: match[2]! };
}

export class Api extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly accessLogGroup: logs.LogGroup;
  /** Route key -> context name, across every addContextRoutes call. */
  private readonly routeOwners = new Map<string, string>();

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);

    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      apiName: `latih-${props.stage}`,
      description: 'Latih HTTP API (served to browsers through CloudFront under /api/*)',
      // The stage is created below, with access logging and throttling.
      createDefaultStage: false,
    });

    this.accessLogGroup = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 100, burstLimit: 200 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogGroup),
        // HTTP API $context variables; no query string or body (they may carry personal data).
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
            method: '$context.httpMethod',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

  }

  /**
   * Routes each context's routes to its function: public routes (manifest `publicRoutes`)
   * without authorization, every other route through `authorizer`.
   */
  addContextRoutes(contexts: readonly ApiRoutes[], authorizer: apigw.IHttpRouteAuthorizer): void {
    const none = new apigw.HttpNoneAuthorizer();
    const seen = this.routeOwners;
    for (const context of contexts) {
      const integration = new HttpLambdaIntegration(`${context.name}Integration`, context.fn);
      for (const routeKey of context.routes) {
        const { method, path } = parseRouteKey(routeKey);
        const owner = seen.get(routeKey);
        if (owner) throw new Error(`Route "${routeKey}" is claimed by both "${owner}" and "${context.name}" in functions/contexts.ts`);
        seen.set(routeKey, context.name);

        const publicReason = context.publicRoutes?.[routeKey];
        const route = new apigw.HttpRoute(this, `Route ${method} ${path.replaceAll('/', '|')}`, {
          httpApi: this.httpApi,
          routeKey: apigw.HttpRouteKey.with(path, method),
          integration,
          authorizer: publicReason ? none : authorizer,
        });
        if (publicReason) {
          Validations.of(route).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason: `"${routeKey}" is public by design: ${publicReason}.`,
          });
        }
      }
    }
  }

  /** Base URL of the `$default` stage, e.g. https://abc.execute-api.ap-southeast-5.amazonaws.com/ */
  get url(): string {
    return this.stage.url;
  }
}
