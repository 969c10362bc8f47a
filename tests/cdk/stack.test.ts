/**
 * The synthesized Latih stack: storage hardening, one least-privilege Lambda per manifest
 * context, the HTTP API routes, CloudFront, and zero unacknowledged cdk-nag findings.
 * Each app is synthesized once (beforeAll); bundling uses the local esbuild, no Docker, no AWS.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contexts as manifest, type ContextManifest } from '../../functions/contexts';
import { LAMBDA_RUNTIME } from '../../cdk/constructs/functions';
import { SPA_FALLBACK_CODE } from '../../cdk/constructs/web';
import { repoRoot } from '../../cdk/paths';
import { LatihStack, type LatihStackProps } from '../../cdk/stack';

type Json = Record<string, any>;
type Resources = Record<string, Json>;

const SYNTH_TIMEOUT = 120_000;
const featureFlags = JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')).context as Json;

interface Synth {
  app: App;
  stack: LatihStack;
  template: Template;
  resources: Resources;
}

/** One app as `cdk synth` builds it (cdk.json feature flags), but with the props given. */
function synth(props: Partial<LatihStackProps> = {}, account?: string): Synth {
  const app = new App({ context: featureFlags });
  const stack = new LatihStack(app, 'Latih', {
    stage: 'test',
    env: { account, region: 'ap-southeast-5' },
    ...props,
  });
  const template = Template.fromStack(stack);
  return { app, stack, template, resources: template.toJSON().Resources as Resources };
}

/** Logical id of an L2 construct's CloudFormation resource. */
function logicalId(construct: IConstruct): string {
  const stack = Stack.of(construct);
  return stack.resolve(stack.getLogicalId(construct.node.defaultChild as CfnElement)) as string;
}

function ofType(resources: Resources, type: string): [string, Json][] {
  return Object.entries(resources).filter(([, r]) => r.Type === type);
}

function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Every Allow statement of every IAM policy in the template (standalone and inline). */
function allStatements(resources: Resources): Json[] {
  const documents: Json[] = [];
  for (const [, r] of Object.entries(resources)) {
    if (r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy') documents.push(r.Properties.PolicyDocument);
    if (['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'].includes(r.Type)) {
      for (const p of asArray(r.Properties.Policies as Json[])) documents.push(p.PolicyDocument);
    }
  }
  return documents.flatMap((d) => asArray(d.Statement as Json[])).filter((s) => s.Effect === 'Allow');
}

/** Statements attached to the execution role of the function with this logical id. */
function roleStatements(resources: Resources, functionId: string): Json[] {
  const roleId = resources[functionId]!.Properties.Role['Fn::GetAtt'][0] as string;
  const role = resources[roleId]!;
  expect(role.Properties.ManagedPolicyArns ?? []).toEqual([]);
  const inline = asArray(role.Properties.Policies as Json[]).map((p) => p.PolicyDocument);
  const attached = ofType(resources, 'AWS::IAM::Policy')
    .filter(([, p]) => asArray(p.Properties.Roles as Json[]).some((r) => r.Ref === roleId))
    .map(([, p]) => p.Properties.PolicyDocument);
  return [...inline, ...attached].flatMap((d) => asArray(d.Statement as Json[]));
}

const actionsOf = (statements: Json[], prefix: string) =>
  statements.flatMap((s) => asArray<string>(s.Action)).filter((a) => a.startsWith(prefix)).sort();

/** Does an IAM action pattern (with * and ?) cover this action? */
function covers(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return re.test(action);
}

/** The Lambda of a context, found by its service name. */
function contextFunctionId(resources: Resources, name: string): string {
  const found = ofType(resources, 'AWS::Lambda::Function').filter(
    ([, f]) => f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === `latih-${name}`,
  );
  expect(found, `exactly one function for context ${name}`).toHaveLength(1);
  return found[0]![0];
}

function nagViolations(s: Synth): string[] {
  const report = new AwsSolutionsChecks(s.app).validateScope(s.stack);
  return report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`));
}

describe('Latih stack (manifest contexts, no web build)', () => {
  let s: Synth;
  beforeAll(() => {
    s = synth();
  }, SYNTH_TIMEOUT);

  describe('data', () => {
    it('has a rotating customer-managed key, retained', () => {
      s.template.hasResource('AWS::KMS::Key', {
        Properties: { EnableKeyRotation: true },
        DeletionPolicy: 'Retain',
      });
    });

    it('has the single table: pk/sk, gsi1-3, on-demand, PITR, CMK, deletion protection, TTL, retained', () => {
      const keyId = logicalId(s.stack.data.key);
      const tables = ofType(s.resources, 'AWS::DynamoDB::Table');
      expect(tables).toHaveLength(1);
      const [, table] = tables[0]!;
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.UpdateReplacePolicy).toBe('Retain');
      const p = table.Properties;
      expect(p.KeySchema).toEqual([
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ]);
      expect(p.AttributeDefinitions).toEqual(
        expect.arrayContaining(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'].map((n) => ({ AttributeName: n, AttributeType: 'S' }))),
      );
      expect(p.GlobalSecondaryIndexes).toEqual(
        ['gsi1', 'gsi2', 'gsi3'].map((name) => ({
          IndexName: name,
          KeySchema: [
            { AttributeName: `${name}pk`, KeyType: 'HASH' },
            { AttributeName: `${name}sk`, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      );
      expect(p.BillingMode).toBe('PAY_PER_REQUEST');
      expect(p.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(p.SSESpecification).toEqual({
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
      });
      expect(p.DeletionProtectionEnabled).toBe(true);
      expect(p.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    });

    it('has exactly the content, web and access-logs buckets', () => {
      expect(ofType(s.resources, 'AWS::S3::Bucket').map(([id]) => id).sort()).toEqual(
        [s.stack.data.contentBucket, s.stack.web.bucket, s.stack.data.logsBucket].map(logicalId).sort(),
      );
    });

    it('every bucket blocks public access, is versioned, encrypted, retained and TLS-only', () => {
      for (const [id, bucket] of ofType(s.resources, 'AWS::S3::Bucket')) {
        const p = bucket.Properties;
        expect(p.PublicAccessBlockConfiguration, id).toEqual({
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        });
        expect(p.VersioningConfiguration, id).toEqual({ Status: 'Enabled' });
        const sse = p.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault;
        expect(['AES256', 'aws:kms'], id).toContain(sse.SSEAlgorithm);
        expect(bucket.DeletionPolicy, id).toBe('Retain');

        const policies = ofType(s.resources, 'AWS::S3::BucketPolicy').filter(([, bp]) => bp.Properties.Bucket.Ref === id);
        expect(policies, `${id} has a bucket policy`).toHaveLength(1);
        const statements = policies[0]![1].Properties.PolicyDocument.Statement as Json[];
        expect(statements, `${id} denies plain HTTP`).toContainEqual(
          expect.objectContaining({
            Effect: 'Deny',
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        );
      }
    });

    it('encrypts the content bucket with the CMK, the web and logs buckets with SSE-S3', () => {
      const sseOf = (id: string) =>
        s.resources[id]!.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault;
      expect(sseOf(logicalId(s.stack.data.contentBucket))).toEqual({
        SSEAlgorithm: 'aws:kms',
        KMSMasterKeyID: { 'Fn::GetAtt': [logicalId(s.stack.data.key), 'Arn'] },
      });
      expect(sseOf(logicalId(s.stack.web.bucket))).toEqual({ SSEAlgorithm: 'AES256' });
      expect(sseOf(logicalId(s.stack.data.logsBucket))).toEqual({ SSEAlgorithm: 'AES256' });
    });

    it('sends server access logs of the content and web buckets to the logs bucket', () => {
      const logsId = logicalId(s.stack.data.logsBucket);
      for (const bucket of [s.stack.data.contentBucket, s.stack.web.bucket]) {
        expect(s.resources[logicalId(bucket)]!.Properties.LoggingConfiguration).toEqual(
          expect.objectContaining({ DestinationBucketName: { Ref: logsId } }),
        );
      }
    });
  });

  describe('functions', () => {
    it('the runtime is the newest Node.js runtime aws-cdk-lib offers', () => {
      const version = (r: lambda.Runtime) => Number(/^nodejs(\d+)/.exec(r.name)?.[1] ?? 0);
      const newest = Math.max(...lambda.Runtime.ALL.filter((r) => r.family === lambda.RuntimeFamily.NODEJS).map(version));
      expect(version(LAMBDA_RUNTIME)).toBe(newest);
    });

    it('builds exactly one Lambda per manifest context (plus no other application function)', () => {
      const appFunctions = ofType(s.resources, 'AWS::Lambda::Function').filter(
        ([, f]) => f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME,
      );
      expect(appFunctions).toHaveLength(manifest.length);
      expect(ofType(s.resources, 'AWS::Lambda::Function')).toHaveLength(manifest.length);
    });

    it.each(manifest.map((c) => [c.name, c] as const))('%s: arm64, newest runtime, env vars, own encrypted log group', (name) => {
      const id = contextFunctionId(s.resources, name);
      const p = s.resources[id]!.Properties;
      expect(p.Architectures).toEqual(['arm64']);
      expect(p.Runtime).toBe(LAMBDA_RUNTIME.name);
      expect(p.Handler).toBe('index.handler');
      expect(p.Environment.Variables).toEqual({
        TABLE_NAME: { Ref: logicalId(s.stack.data.table) },
        CONTENT_BUCKET: { Ref: logicalId(s.stack.data.contentBucket) },
        POWERTOOLS_SERVICE_NAME: `latih-${name}`,
        LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
      });
      const logGroupId = p.LoggingConfig.LogGroup.Ref as string;
      expect(s.resources[logGroupId]!.Properties).toEqual(
        expect.objectContaining({ RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [logicalId(s.stack.data.key), 'Arn'] } }),
      );
    });
  });

  describe('permissions', () => {
    it('no IAM policy anywhere allows dynamodb:Scan, dynamodb:*, s3:* or *', () => {
      const actions = allStatements(s.resources).flatMap((st) => asArray<string>(st.Action));
      expect(actions.length).toBeGreaterThan(0);
      for (const action of actions) {
        expect(covers(action, 'dynamodb:Scan'), action).toBe(false);
        expect(action, action).not.toMatch(/^(\*|dynamodb:\*|s3:\*)$/);
      }
    });

    it('no role uses an AWS managed policy', () => {
      for (const [id, role] of ofType(s.resources, 'AWS::IAM::Role')) {
        expect(role.Properties.ManagedPolicyArns ?? [], id).toEqual([]);
      }
    });

    it.each(manifest.map((c) => [c.name, c] as const))('%s: grants exactly its manifest access', (_name, context) => {
      expectExactAccess(s, context);
    });
  });

  describe('HTTP API', () => {
    const routes = manifest.flatMap((c) => c.routes.map((r) => [r, c.name] as const));

    it('has exactly the manifest routes', () => {
      expect(ofType(s.resources, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey).sort()).toEqual(
        routes.map(([r]) => r).sort(),
      );
    });

    it.each(routes)('%s targets the %s function', (routeKey, name) => {
      const [, route] = ofType(s.resources, 'AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties.RouteKey === routeKey)!;
      const integrationId = route.Properties.Target['Fn::Join'][1][1].Ref as string;
      const integration = s.resources[integrationId]!.Properties;
      expect(integration.IntegrationType).toBe('AWS_PROXY');
      expect(integration.IntegrationUri).toEqual({ 'Fn::GetAtt': [contextFunctionId(s.resources, name), 'Arn'] });
    });

    it('logs access on the $default stage to an encrypted log group, and throttles', () => {
      const stages = ofType(s.resources, 'AWS::ApiGatewayV2::Stage');
      expect(stages).toHaveLength(1);
      const p = stages[0]![1].Properties;
      expect(p.StageName).toBe('$default');
      expect(p.AutoDeploy).toBe(true);
      expect(p.DefaultRouteSettings).toEqual(
        expect.objectContaining({ ThrottlingRateLimit: expect.any(Number), ThrottlingBurstLimit: expect.any(Number) }),
      );
      const logGroupId = p.AccessLogSettings.DestinationArn['Fn::GetAtt'][0] as string;
      expect(s.resources[logGroupId]!.Type).toBe('AWS::Logs::LogGroup');
      expect(s.resources[logGroupId]!.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [logicalId(s.stack.data.key), 'Arn'] });
      expect(JSON.parse(p.AccessLogSettings.Format)).toEqual(expect.objectContaining({ requestId: '$context.requestId' }));
    });
  });

  describe('CloudFront', () => {
    let config: Json;
    beforeAll(() => {
      const distributions = ofType(s.resources, 'AWS::CloudFront::Distribution');
      expect(distributions).toHaveLength(1);
      config = distributions[0]![1].Properties.DistributionConfig;
    });

    it('serves the site bucket through Origin Access Control, HTTPS, compressed, with security headers', () => {
      const b = config.DefaultCacheBehavior;
      const origin = (config.Origins as Json[]).find((o) => o.Id === b.TargetOriginId)!;
      expect(origin.DomainName).toEqual({ 'Fn::GetAtt': [logicalId(s.stack.web.bucket), 'RegionalDomainName'] });
      expect(origin.OriginAccessControlId).toBeDefined();
      expect(b.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect(b.Compress).toBe(true);
      expect(b.ResponseHeadersPolicyId).toBe(cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS.responseHeadersPolicyId);
    });

    it('rewrites SPA routes with a viewer-request function, not with custom error responses', () => {
      expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
        { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [logicalId(s.stack.web.spaFallback), 'FunctionARN'] } },
      ]);
      expect(config.CustomErrorResponses).toBeUndefined();
      expect(s.resources[logicalId(s.stack.web.spaFallback)]!.Properties.FunctionCode).toBe(SPA_FALLBACK_CODE);
    });

    it('sends /api/* uncached to the HTTP API with every viewer header but Host', () => {
      const api = (config.CacheBehaviors as Json[]).find((b) => b.PathPattern === '/api/*')!;
      expect(api).toBeDefined();
      expect(api.CachePolicyId).toBe(cloudfront.CachePolicy.CACHING_DISABLED.cachePolicyId);
      expect(api.OriginRequestPolicyId).toBe(cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId);
      expect(api.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']));
      expect(api.ViewerProtocolPolicy).toBe('https-only');
      expect(api.FunctionAssociations).toBeUndefined();
      const origin = (config.Origins as Json[]).find((o) => o.Id === api.TargetOriginId)!;
      expect(JSON.stringify(origin.DomainName)).toContain(logicalId(s.stack.api.httpApi));
      expect(origin.CustomOriginConfig).toEqual({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    });

    it('deploys no site when no web build is given', () => {
      expect(ofType(s.resources, 'Custom::CDKBucketDeployment')).toHaveLength(0);
    });
  });

  it('outputs the API URL, site URL, table name and content bucket name', () => {
    const outputs = Object.keys(s.template.toJSON().Outputs as Json);
    expect(outputs).toEqual(expect.arrayContaining(['ApiUrl', 'SiteUrl', 'TableName', 'ContentBucketName']));
  });

  it('has no unacknowledged cdk-nag (AWS Solutions) findings', () => {
    expect(nagViolations(s)).toEqual([]);
  });
});

describe('SPA fallback function', () => {
  // The CloudFront Function source, run as CloudFront would call it.
  const handler = new Function(`${SPA_FALLBACK_CODE}; return handler;`)() as (e: Json) => Json;
  const rewrite = (uri: string) => handler({ request: { uri } }).uri as string;

  it.each(['/', '/kursus', '/kursus/DA-301', '/ms/kursus/DA-301/', '/v1.2/x'])('serves %s the SPA page', (uri) => {
    expect(rewrite(uri)).toBe('/200.html');
  });

  it.each(['/200.html', '/favicon.png', '/_app/immutable/entry/start.Bx1.js', '/robots.txt'])('leaves the file %s alone', (uri) => {
    expect(rewrite(uri)).toBe(uri);
  });
});

describe('Latih stack with a web build and a known account', () => {
  let s: Synth;
  let webBuild: string;
  beforeAll(() => {
    webBuild = mkdtempSync(join(tmpdir(), 'latih-web-'));
    mkdirSync(join(webBuild, '_app', 'immutable'), { recursive: true });
    writeFileSync(join(webBuild, '200.html'), '<!doctype html><title>Latih</title>');
    writeFileSync(join(webBuild, '_app', 'immutable', 'start.js'), 'export {};');
    s = synth({ webAssetPath: webBuild }, '123456789012');
  }, SYNTH_TIMEOUT);
  afterAll(() => rmSync(webBuild, { recursive: true, force: true }));

  it('uploads hashed assets before the pages, and invalidates CloudFront with the pages', () => {
    const deployments = ofType(s.resources, 'Custom::CDKBucketDeployment');
    expect(deployments).toHaveLength(2);
    const pages = deployments.find(([, d]) => d.Properties.Prune === true)!;
    const immutable = deployments.find(([, d]) => d.Properties.Prune === false)!;
    expect(pages[1].DependsOn).toEqual(expect.arrayContaining([immutable[0]]));
    expect(pages[1].Properties.DistributionPaths).toEqual(['/*']);
    expect(immutable[1].Properties.DistributionId).toBeUndefined();
  });

  it('gives the deployment handler its own role without AWS managed policies', () => {
    const handlers = ofType(s.resources, 'AWS::Lambda::Function').filter(([id]) => id.startsWith('CustomCDKBucketDeployment'));
    expect(handlers).toHaveLength(1);
    const roleId = handlers[0]![1].Properties.Role['Fn::GetAtt'][0] as string;
    expect(s.resources[roleId]!.Properties.ManagedPolicyArns ?? []).toEqual([]);
  });

  it('still allows no dynamodb:Scan, dynamodb:*, s3:* or *', () => {
    for (const action of allStatements(s.resources).flatMap((st) => asArray<string>(st.Action))) {
      expect(covers(action, 'dynamodb:Scan'), action).toBe(false);
      expect(action).not.toMatch(/^(\*|dynamodb:\*|s3:\*)$/);
    }
  });

  it('has no unacknowledged cdk-nag findings', () => {
    expect(nagViolations(s)).toEqual([]);
  });
});

describe('Latih stack with contexts of every access level', () => {
  const entry = manifest[0]!.entry;
  const variants: ContextManifest[] = [
    { name: 'writer', entry, routes: [], table: 'write', contentBucket: 'write' },
    { name: 'reader', entry, routes: [], table: 'read', contentBucket: 'read' },
    { name: 'files', entry, routes: [], table: 'none', contentBucket: 'read' },
    { name: 'idle', entry, routes: [], table: 'none', contentBucket: 'none', memorySize: 256 },
  ];
  let s: Synth;
  beforeAll(() => {
    s = synth({ contexts: variants });
  }, SYNTH_TIMEOUT);

  it.each(variants.map((c) => [`${c.name} (table ${c.table}, bucket ${c.contentBucket})`, c] as const))(
    '%s: grants exactly its access',
    (_label, context) => {
      expectExactAccess(s, context);
    },
  );

  it('honours the manifest memory size', () => {
    expect(s.resources[contextFunctionId(s.resources, 'idle')]!.Properties.MemorySize).toBe(256);
  });

  it('has no unacknowledged cdk-nag findings (bucket object access is acknowledged per role)', () => {
    expect(nagViolations(s)).toEqual([]);
  });

  it('fails cdk-nag for a route of a context not declared public', () => {
    const t = synth({ contexts: [{ ...variants[3]!, routes: ['POST /api/enrolments'] }] });
    expect(nagViolations(t)).toEqual([expect.stringMatching(/^AwsSolutions-APIG4 at Latih\/Api\/Route POST/)]);
  }, SYNTH_TIMEOUT);
});

/** What each manifest access level must grant: written out here, independently of cdk/. */
const EXPECTED = {
  table: {
    none: [],
    read: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'],
    write: [
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ],
  },
  bucket: { none: [], read: ['s3:GetObject'], write: ['s3:GetObject', 's3:PutObject'] },
  kms: { none: [], read: ['kms:Decrypt'], write: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'] },
} as const;

/** The context's role holds its logs statement plus exactly the manifest's data actions, on the right resources. */
function expectExactAccess(s: Synth, context: ContextManifest): void {
  const statements = roleStatements(s.resources, contextFunctionId(s.resources, context.name));
  const tableArn = { 'Fn::GetAtt': [logicalId(s.stack.data.table), 'Arn'] };
  const keyArn = { 'Fn::GetAtt': [logicalId(s.stack.data.key), 'Arn'] };

  expect(actionsOf(statements, 'dynamodb:')).toEqual(EXPECTED.table[context.table]);
  expect(actionsOf(statements, 's3:')).toEqual(EXPECTED.bucket[context.contentBucket]);
  expect(actionsOf(statements, 'kms:')).toEqual(
    [...new Set([...EXPECTED.kms[context.table], ...EXPECTED.kms[context.contentBucket]])].sort(),
  );
  expect(actionsOf(statements, 'logs:')).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
  expect(statements.flatMap((st) => asArray<string>(st.Action)).every((a) => /^(dynamodb|s3|kms|logs):/.test(a))).toBe(true);

  for (const st of statements) {
    const actions = asArray<string>(st.Action);
    const resources = asArray<Json>(st.Resource);
    if (actions.some((a) => a.startsWith('dynamodb:'))) {
      expect(resources).toEqual([tableArn, ...['gsi1', 'gsi2', 'gsi3'].map((i) => ({ 'Fn::Join': ['', [tableArn, `/index/${i}`]] }))]);
    }
    if (actions.some((a) => a.startsWith('s3:'))) {
      expect(resources).toEqual([{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId(s.stack.data.contentBucket), 'Arn'] }, '/*']] }]);
    }
    if (actions.some((a) => a.startsWith('kms:'))) expect(resources).toEqual([keyArn]);
    if (actions.some((a) => a.startsWith('logs:'))) {
      const fn = s.resources[contextFunctionId(s.resources, context.name)]!;
      expect(resources).toEqual([{ 'Fn::GetAtt': [fn.Properties.LoggingConfig.LogGroup.Ref, 'Arn'] }]);
    }
  }
}
