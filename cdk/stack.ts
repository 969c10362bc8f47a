/**
 * The Latih stack: storage, the Cognito user pool, one Lambda per bounded context (from
 * functions/contexts.ts), the HTTP API routing to them behind a JWT authorizer, and the
 * CloudFront-fronted web app.
 *
 * Order of construction follows the references, which form a chain, not a cycle:
 *   HTTP API (the resource only) <- CloudFront (origin = the API id) <- Cognito client (callback
 *   URL = the site's domain) <- JWT authorizer, functions (client id) <- routes.
 * CloudFront references only the API's id, never its routes, stage or authorizer, so the client
 * can name the distribution's own domain directly: no custom resource, no second deployment.
 * tests/cdk/stack.test.ts checks the template's reference graph for cycles.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import type { Construct } from 'constructs';
import { contexts as manifest, type ContextManifest } from '../functions/contexts';
import { Api } from './constructs/api';
import { Data, TABLE_INDEXES } from './constructs/data';
import { ContextFunction } from './constructs/functions';
import { Identity, type OidcProviderConfig } from './constructs/identity';
import { Web } from './constructs/web';
import { Certificates } from './constructs/certificates';
import { needsPiiKey, needsTokenVerification, validateContext } from './manifest';

export interface LatihStackProps extends StackProps {
  /** Deployment stage, e.g. `dev` or `prod`. */
  stage: string;
  /** The Lambda contexts; defaults to functions/contexts.ts (tests pass variants). */
  contexts?: readonly ContextManifest[];
  /** Built web app (web/build); omitted => the site is not deployed (synth before the web is built). */
  webAssetPath?: string;
  /** Custom domain: names and an ACM certificate in us-east-1 covering them. */
  domain?: { names: string[]; certificateArn: string };
  /** Prefix of the hosted login domain; default `latih-<stage>-<account id>`. */
  authDomainPrefix?: string;
  /** An external OpenID Connect provider (e.g. MyDigital ID) offered on the hosted login page. */
  oidcProvider?: OidcProviderConfig;
}

export class LatihStack extends Stack {
  readonly data: Data;
  readonly identity: Identity;
  readonly functions: ReadonlyMap<string, ContextFunction>;
  readonly api: Api;
  readonly authorizer: HttpJwtAuthorizer;
  readonly web: Web;
  /** The certificates' signing key; only when a context signs certificates. */
  readonly certificates?: Certificates;

  constructor(scope: Construct, id: string, props: LatihStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const contexts = props.contexts ?? manifest;
    contexts.forEach(validateContext);

    this.data = new Data(this, 'Data', { stage });
    this.api = new Api(this, 'Api', { stage, key: this.data.key });

    // The hosted login's prefix is known before the pool exists: the site's CSP names its origin.
    const domainPrefix = props.authDomainPrefix ?? `latih-${stage}-${this.account}`;
    this.web = new Web(this, 'Web', {
      stage,
      authOrigins: [`https://cognito-idp.${this.region}.amazonaws.com`, `https://${domainPrefix}.auth.${this.region}.amazoncognito.com`],
      key: this.data.key,
      logsBucket: this.data.logsBucket,
      httpApi: this.api.httpApi,
      ...(props.webAssetPath ? { webAssetPath: props.webAssetPath } : {}),
      ...(props.domain ? { domain: props.domain } : {}),
    });
    const siteDomains = props.domain?.names ?? [this.web.distribution.distributionDomainName];
    const siteOrigins = siteDomains.map((d) => `https://${d}`);

    this.identity = new Identity(this, 'Identity', {
      stage,
      siteOrigins,
      // The account id keeps the prefix unique across accounts (it is global per region);
      // a token when the account is not known at synth, resolved by CloudFormation.
      domainPrefix,
      ...(props.oidcProvider ? { oidcProvider: props.oidcProvider } : {}),
    });
    const auth = {
      issuer: this.identity.issuer,
      clientId: this.identity.client.userPoolClientId,
      // Cognito has no end_session_endpoint: its hosted /logout ends the session and returns to
      // the site (a registered sign-out URL, percent-encoded here by hand: the domain is a token).
      logoutUrl: `${this.identity.domain.baseUrl()}/logout?client_id=${this.identity.client.userPoolClientId}&logout_uri=https%3A%2F%2F${siteDomains[0]}%2F`,
    };

    // Cognito access tokens carry no `aud`; API Gateway then matches `client_id` against the
    // audience list, so the audience is the web client's id for both ID and access tokens.
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
    this.authorizer = new HttpJwtAuthorizer('CognitoJwt', auth.issuer, {
      authorizerName: `latih-${stage}-cognito`,
      jwtAudience: [auth.clientId],
    });

    if (contexts.some((c) => c.signsCertificates)) this.certificates = new Certificates(this, 'Certificates', { stage });

    const functions = new Map<string, ContextFunction>();
    for (const context of contexts) {
      if (functions.has(context.name)) throw new Error(`Duplicate context "${context.name}" in functions/contexts.ts`);
      functions.set(
        context.name,
        new ContextFunction(this, `Context-${context.name}`, {
          context,
          stage,
          key: this.data.key,
          table: this.data.table,
          tableIndexes: TABLE_INDEXES,
          contentBucket: this.data.contentBucket,
          ...(needsTokenVerification(context) ? { auth } : {}),
          ...(needsPiiKey(context) ? { piiKeySecret: this.data.piiKeySecret } : {}),
          ...(context.loginAccounts ? { userPool: this.identity.userPool } : {}),
          ...(context.signsCertificates && this.certificates
            ? { certificates: { signingKey: this.certificates.signingKey, publicBaseUrl: siteOrigins[0]! } }
            : {}),
          ...(context.publicBaseUrl ? { publicBaseUrl: siteOrigins[0]! } : {}),
        }),
      );
    }
    this.functions = functions;

    this.api.addContextRoutes(
      contexts.map((c) => ({
        name: c.name,
        routes: c.routes,
        fn: functions.get(c.name)!.fn,
        ...(c.publicRoutes ? { publicRoutes: c.publicRoutes } : {}),
      })),
      this.authorizer,
    );

    new CfnOutput(this, 'ApiUrl', { description: 'HTTP API ($default stage)', value: this.api.url });
    new CfnOutput(this, 'SiteUrl', { description: 'Web app (CloudFront)', value: siteOrigins[0]! });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'ContentBucketName', { value: this.data.contentBucket.bucketName });
    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { description: 'Web app client (public, PKCE)', value: auth.clientId });
    new CfnOutput(this, 'AuthIssuer', { description: 'OpenID issuer of the user pool (OIDC_ISSUER)', value: auth.issuer });
    new CfnOutput(this, 'HostedLoginDomain', { description: 'Cognito hosted login', value: this.identity.domain.baseUrl() });
  }
}
