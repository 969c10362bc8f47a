/**
 * The web front: the SvelteKit static build in a private bucket behind CloudFront (Origin Access
 * Control), with `/api/*` passed through to the HTTP API, uncached.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { VIEWER_ADDRESS_HEADER } from '../../functions/core/rate-limit';
import { contentSecurityPolicy, inlineScriptHashes } from '../csp';
import { acknowledge, assetBucketObjectsFinding, bucketObjectsFinding } from '../nag';
import { secureBucketDefaults } from './data';

/**
 * Viewer-request rewrite for the SvelteKit SPA fallback: a path whose last segment has no file
 * extension (a client-side route such as `/kursus/DA-301`, or `/`) is served `/200.html`.
 * Done here rather than with distribution-wide custom error responses, which would also turn
 * the API's own 404s into the HTML page.
 */
export const SPA_FALLBACK_CODE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) {
    request.uri = '/200.html';
  }
  return request;
}`;

/**
 * Viewer-request function of /api/*: the address of the connection CloudFront accepted, in the
 * header the API's per-address rate limits read (functions/core/rate-limit.ts), replacing any
 * value the client sent under that name. CloudFront-Viewer-Address itself cannot be forwarded
 * to API Gateway by a policy that also leaves out Host (see callerAddress).
 */
export const VIEWER_ADDRESS_CODE = `function handler(event) {
  var request = event.request;
  request.headers['${VIEWER_ADDRESS_HEADER}'] = { value: event.viewer.ip };
  return request;
}`;

/** Built files SvelteKit names by content hash: cached for a year, never pruned (open tabs still load them). */
const IMMUTABLE_ASSETS = '_app/immutable/*';

export interface WebProps {
  stage: string;
  key: kms.IKey;
  logsBucket: s3.IBucket;
  httpApi: apigw.IHttpApi;
  /** Folder with the built site (web/build); without it no deployment is synthesized. */
  webAssetPath?: string;
  /** Custom domain: names and an ACM certificate in us-east-1 covering them. */
  domain?: { names: string[]; certificateArn: string };
  /** Origins the app calls besides its own (the OpenID issuer, the hosted login): the CSP's connect-src. */
  authOrigins: readonly string[];
}

export class Web extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly spaFallback: cloudfront.Function;
  readonly viewerAddress: cloudfront.Function;
  /** Security headers of the site, Content-Security-Policy included. */
  readonly siteHeaders: cloudfront.ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const stack = Stack.of(this);

    // SSE-S3, not the CMK: the site is public once served, and SSE-KMS would put CloudFront in
    // the data key's policy and a KMS request behind every cache miss, for no confidentiality gain.
    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...secureBucketDefaults,
      encryption: s3.BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: props.logsBucket,
      serverAccessLogsPrefix: 'web/',
      lifecycleRules: [{ id: 'expire-old-builds', noncurrentVersionExpiration: Duration.days(30) }],
    });

    this.spaFallback = new cloudfront.Function(this, 'SpaFallback', {
      comment: 'Latih: extension-less paths -> /200.html (SvelteKit SPA fallback)',
      code: cloudfront.FunctionCode.fromInline(SPA_FALLBACK_CODE),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });

    this.viewerAddress = new cloudfront.Function(this, 'ViewerAddress', {
      comment: 'Latih: the viewer address for the API rate limits',
      code: cloudfront.FunctionCode.fromInline(VIEWER_ADDRESS_CODE),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });

    // The managed SecurityHeadersPolicy's headers, plus the CSP (cdk/csp.ts). The script hashes
    // come from the build deployed with this policy; without a build nothing is served.
    this.siteHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SiteHeaders', {
      comment: `Latih (${props.stage}): security headers and Content-Security-Policy`,
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy({
            scriptHashes: props.webAssetPath ? inlineScriptHashes(props.webAssetPath) : [],
            connect: props.authOrigins,
          }),
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
      },
    });

    const apiDomain = `${props.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
    const certificate = props.domain
      ? acm.Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn)
      : undefined;

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Latih (${props.stage})`,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200, // includes the Malaysian edge locations
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableIpv6: true,
      ...(props.domain && certificate
        ? {
            domainNames: props.domain.names,
            certificate,
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
            sslSupportMethod: cloudfront.SSLMethod.SNI,
          }
        : {}),
      defaultBehavior: {
        // LIST lets S3 answer 404 (not 403) for a missing file; no listing is reachable, as the
        // cache policy forwards no query string and `/` is rewritten to /200.html.
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket, {
          originAccessLevels: [cloudfront.AccessLevel.READ, cloudfront.AccessLevel.LIST],
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        compress: true,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.siteHeaders,
        functionAssociations: [{ function: this.spaFallback, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new origins.HttpOrigin(apiDomain, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
          }),
          // No redirect: a redirected POST would lose its body.
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          // Nothing cached; every query string, cookie and header (Accept-Language included)
          // reaches the API, except Host, which must be the API's own domain.
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
          functionAssociations: [{ function: this.viewerAddress, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
        },
      },
    });

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'No geo restriction: the platform serves Negeri Sembilan residents, who also study while travelling or abroad.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'No WAF yet: a CloudFront web ACL must live in us-east-1 (a separate edge stack). Until then the HTTP API stage throttles ' +
        'requests and every function validates its input.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR3',
      reason:
        'No CloudFront access logs yet: legacy standard logging cannot deliver to buckets in opt-in regions such as ap-southeast-5, ' +
        'and v2 logging needs delivery resources in us-east-1 (the edge stack). API requests are logged by the HTTP API stage.',
    });
    if (!props.domain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Served on the default *.cloudfront.net certificate until the custom domain exists (context domainName + certificateArn); ' +
          'with it the distribution enforces TLSv1.2_2021.',
      });
    }

    if (props.webAssetPath) this.deploy(props.webAssetPath, props.key);
  }

  /**
   * Uploads the built site: hashed assets first (long-lived, never pruned), then everything
   * else (revalidated on every request, pruned), then a CloudFront invalidation.
   */
  private deploy(webAssetPath: string, key: kms.IKey): void {
    // One role and log group for the shared deployment handler, so it needs no AWS managed policy
    // and its logs are encrypted and kept like every other log of the stack.
    const logGroup = new logs.LogGroup(this, 'DeploymentLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const role = new iam.Role(this, 'DeploymentRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Latih web deployment (CDK BucketDeployment handler)',
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );

    const source = s3deploy.Source.asset(webAssetPath);
    const immutable = new s3deploy.BucketDeployment(this, 'DeployImmutableAssets', {
      sources: [source],
      destinationBucket: this.bucket,
      exclude: ['*'],
      include: [IMMUTABLE_ASSETS],
      prune: false,
      cacheControl: [
        s3deploy.CacheControl.setPublic(),
        s3deploy.CacheControl.maxAge(Duration.days(365)),
        s3deploy.CacheControl.immutable(),
      ],
      role,
      logGroup,
      memoryLimit: 512,
    });
    const pages = new s3deploy.BucketDeployment(this, 'DeployPages', {
      sources: [source],
      destinationBucket: this.bucket,
      exclude: [IMMUTABLE_ASSETS],
      prune: true,
      cacheControl: [s3deploy.CacheControl.setPublic(), s3deploy.CacheControl.maxAge(Duration.seconds(0)), s3deploy.CacheControl.mustRevalidate()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      role,
      logGroup,
      memoryLimit: 512,
    });
    // New pages must never reference assets that are not uploaded yet.
    pages.node.addDependency(immutable);

    // Everything below is generated by CDK's BucketDeployment for its `aws s3 sync` handler.
    const generated = 'Generated by CDK BucketDeployment';
    for (const action of ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*']) {
      acknowledge(
        role,
        `AwsSolutions-IAM5[Action::${action}]`,
        `${generated}: aws s3 sync needs the ${action} family, and only on the CDK asset bucket and this site bucket.`,
      );
    }
    acknowledge(
      role,
      assetBucketObjectsFinding(Stack.of(this)),
      `${generated}: reads the site archive from the CDK bootstrap asset bucket, whose object keys are content hashes.`,
    );
    acknowledge(role, bucketObjectsFinding(this.bucket), `${generated}: syncs every object of the site bucket (the site is its only content).`);
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      `${generated}: cloudfront:CreateInvalidation/GetInvalidation are granted on "*" by CDK; they only invalidate cached copies of this public site.`,
    );
    const handler = Stack.of(this).node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (handler) {
      acknowledge(
        handler,
        'AwsSolutions-L1',
        `${generated}: the handler's Python runtime is pinned by aws-cdk-lib (its bundled AWS CLI layer); it moves with CDK upgrades.`,
      );
    }
  }
}
