/**
 * The synthesized Latih stack: storage hardening, one least-privilege Lambda per manifest
 * context, the Cognito user pool and web client, the HTTP API routes behind the JWT authorizer,
 * CloudFront, no reference cycle, and zero unacknowledged cdk-nag findings.
 * Each app is synthesized once (beforeAll); bundling uses the local esbuild, no Docker, no AWS.
 */
import { createHash } from 'node:crypto';
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
import { parseOidcProvider } from '../../cdk/constructs/identity';
import { SPA_FALLBACK_CODE, VIEWER_ADDRESS_CODE } from '../../cdk/constructs/web';
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

/** Routes of a context that need a signed-in user: all but its `publicRoutes` (written out here, independently of cdk/). */
const signedInRoutes = (c: ContextManifest) => c.routes.filter((r) => !Object.hasOwn(c.publicRoutes ?? {}, r));
/** Gets OIDC_ISSUER / OIDC_CLIENT_ID: at least one signed-in route. */
const needsOidc = (c: ContextManifest) => signedInRoutes(c).length > 0;
/** Gets the PII HMAC key: writes the table, or serves signed-in users. */
const needsPiiKey = (c: ContextManifest) => c.table === 'write' || needsOidc(c);

function theOnly(resources: Resources, type: string): [string, Json] {
  const found = ofType(resources, type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
}

/** Resources each resource refers to (Ref, Fn::GetAtt, ${X} in Fn::Sub, DependsOn). */
function references(resources: Resources): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const walk = (node: unknown, out: Set<string>): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, out));
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node as Json)) {
      if (k === 'Ref' && typeof v === 'string') out.add(v);
      else if (k === 'Fn::GetAtt') out.add(Array.isArray(v) ? (v[0] as string) : String(v).split('.')[0]!);
      else if (k === 'Fn::Sub') {
        const text = Array.isArray(v) ? (v[0] as string) : (v as string);
        for (const m of text.matchAll(/\$\{([^!}.]+)[^}]*\}/g)) out.add(m[1]!);
        if (Array.isArray(v)) walk(v[1], out);
      } else walk(v, out);
    }
  };
  for (const [id, r] of Object.entries(resources)) {
    const out = new Set<string>(asArray<string>(r.DependsOn));
    walk(r.Properties, out);
    graph.set(id, new Set([...out].filter((x) => x in resources && x !== id)));
  }
  return graph;
}

/** A reference cycle among the resources (CloudFormation would refuse the template), or undefined. */
function findCycle(resources: Resources): string[] | undefined {
  const graph = references(resources);
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'open') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'open');
    path.push(id);
    for (const next of graph.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of graph.keys()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}

/** A CloudFormation string built by Fn::Join, rendered with `<Ref>` / `<Id.Attr>` placeholders. */
function render(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Json;
  if (v.Ref) return `<${v.Ref}>`;
  if (v['Fn::GetAtt']) return `<${(v['Fn::GetAtt'] as string[]).join('.')}>`;
  if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(render).join(v['Fn::Join'][0] as string);
  throw new Error(`cannot render ${JSON.stringify(value)}`);
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

    it.each(manifest.map((c) => [c.name, c] as const))('%s: arm64, newest runtime, env vars, own encrypted log group', (name, context) => {
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
        ...(needsOidc(context)
          ? {
              OIDC_ISSUER: { 'Fn::Join': ['', ['https://cognito-idp.ap-southeast-5.amazonaws.com/', { Ref: logicalId(s.stack.identity.userPool) }]] },
              OIDC_CLIENT_ID: { Ref: logicalId(s.stack.identity.client) },
              OIDC_LOGOUT_URL: expect.anything(),
            }
          : {}),
        ...(needsPiiKey(context) ? { PII_HMAC_KEY_SECRET_ARN: { Ref: logicalId(s.stack.data.piiKeySecret) } } : {}),
        ...(context.loginAccounts ? { COGNITO_USER_POOL_ID: { Ref: logicalId(s.stack.identity.userPool) } } : {}),
        ...(context.signsCertificates
          ? {
              CERT_SIGNING_KMS_KEY_ID: { 'Fn::GetAtt': [logicalId(s.stack.certificates!.signingKey), 'Arn'] },
              PUBLIC_BASE_URL: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalId(s.stack.web.distribution), 'DomainName'] }]] },
            }
          : {}),
        ...(context.publicBaseUrl
          ? { PUBLIC_BASE_URL: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalId(s.stack.web.distribution), 'DomainName'] }]] } }
          : {}),
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

    it('signs certificates with a retained ECC_NIST_P256 KMS key that only the signing context may use', () => {
      const key = s.resources[logicalId(s.stack.certificates!.signingKey)]!;
      expect(key.Properties).toEqual(expect.objectContaining({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }));
      expect(key.DeletionPolicy).toBe('Retain');
      const signing = allStatements(s.resources).filter((st) => asArray<string>(st.Action).some((a) => covers(a, 'kms:Sign')));
      expect(signing).toHaveLength(manifest.filter((c) => c.signsCertificates).length);
      expect(manifest.filter((c) => c.signsCertificates).map((c) => c.name)).toEqual(['certificates']);
    });

    it('allows secretsmanager:GetSecretValue only on the PII HMAC key secret', () => {
      const secretArn = { Ref: logicalId(s.stack.data.piiKeySecret) };
      const reading = allStatements(s.resources).filter((st) =>
        asArray<string>(st.Action).some((a) => covers(a, 'secretsmanager:GetSecretValue')),
      );
      expect(reading.length).toBe(manifest.filter(needsPiiKey).length);
      for (const st of reading) {
        expect(st.Action).toBe('secretsmanager:GetSecretValue');
        expect(st.Resource).toEqual(secretArn);
      }
    });
  });

  describe('PII HMAC key', () => {
    it('is a generated 64-character secret without punctuation, encrypted with the CMK, retained', () => {
      const [id, secret] = theOnly(s.resources, 'AWS::SecretsManager::Secret');
      expect(id).toBe(logicalId(s.stack.data.piiKeySecret));
      expect(secret.DeletionPolicy).toBe('Retain');
      expect(secret.UpdateReplacePolicy).toBe('Retain');
      expect(secret.Properties.GenerateSecretString).toEqual(
        expect.objectContaining({ PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false }),
      );
      expect(secret.Properties.GenerateSecretString.SecretStringTemplate).toBeUndefined();
      expect(secret.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [logicalId(s.stack.data.key), 'Arn'] });
      expect(ofType(s.resources, 'AWS::SecretsManager::RotationSchedule')).toEqual([]);
    });
  });

  describe('identity (Cognito)', () => {
    let pool: Json;
    let client: Json;
    beforeAll(() => {
      pool = theOnly(s.resources, 'AWS::Cognito::UserPool')[1];
      client = theOnly(s.resources, 'AWS::Cognito::UserPoolClient')[1].Properties;
    });

    it('user pool: admin-created accounts only, sign-in by username or email, name and email', () => {
      const p = pool.Properties;
      expect(p.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(true);
      expect(p.AliasAttributes).toEqual(['email']);
      expect(p.UsernameAttributes).toBeUndefined();
      expect(p.UsernameConfiguration).toEqual({ CaseSensitive: false });
      expect(p.AutoVerifiedAttributes).toEqual(['email']);
      expect(p.Schema).toEqual([
        { Name: 'email', Required: true, Mutable: true },
        { Name: 'name', Required: true, Mutable: true },
      ]);
      expect(p.AccountRecoverySetting).toEqual({ RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] });
      expect(p.EmailConfiguration).toEqual({ EmailSendingAccount: 'COGNITO_DEFAULT' });
    });

    it('user pool: 12+ character passwords with upper, lower, digit and symbol', () => {
      expect(pool.Properties.Policies.PasswordPolicy).toEqual(
        expect.objectContaining({ MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true }),
      );
    });

    it('user pool: optional MFA by TOTP only (no SMS, no SMS role)', () => {
      expect(pool.Properties.MfaConfiguration).toBe('OPTIONAL');
      expect(pool.Properties.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
      expect(pool.Properties.SmsConfiguration).toBeUndefined();
    });

    it('user pool: Essentials plan, deletion protection, retained', () => {
      expect(pool.Properties.UserPoolTier).toBe('ESSENTIALS');
      expect(pool.Properties.DeletionProtection).toBe('ACTIVE');
      expect(pool.DeletionPolicy).toBe('Retain');
      expect(pool.UpdateReplacePolicy).toBe('Retain');
    });

    it('hosted login domain: Cognito prefix latih-<stage>-<account>', () => {
      const [, domain] = theOnly(s.resources, 'AWS::Cognito::UserPoolDomain');
      expect(domain.Properties.UserPoolId).toEqual({ Ref: logicalId(s.stack.identity.userPool) });
      expect(domain.Properties.CustomDomainConfig).toBeUndefined();
      expect(render(domain.Properties.Domain)).toBe('latih-test-<AWS::AccountId>');
    });

    it('web client: public (no secret), authorization code only, openid/profile/email, no direct password flows', () => {
      expect(client.UserPoolId).toEqual({ Ref: logicalId(s.stack.identity.userPool) });
      expect(client.GenerateSecret).toBe(false);
      expect(client.AllowedOAuthFlowsUserPoolClient).toBe(true);
      expect(client.AllowedOAuthFlows).toEqual(['code']);
      expect([...client.AllowedOAuthScopes].sort()).toEqual(['email', 'openid', 'profile']);
      expect(client.ExplicitAuthFlows).toEqual(['ALLOW_REFRESH_TOKEN_AUTH']);
    });

    it('web client: 15-minute access and ID tokens, 8-hour refresh, revocation, no user-existence errors', () => {
      expect(client.AccessTokenValidity).toBe(15);
      expect(client.IdTokenValidity).toBe(15);
      expect(client.RefreshTokenValidity).toBe(480);
      expect(client.TokenValidityUnits).toEqual({ AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' });
      expect(client.EnableTokenRevocation).toBe(true);
      expect(client.PreventUserExistenceErrors).toBe('ENABLED');
    });

    it('web client: callback and sign-out URLs on the CloudFront domain', () => {
      const cf = `<${logicalId(s.stack.web.distribution)}.DomainName>`;
      expect(client.CallbackURLs.map(render)).toEqual([`https://${cf}/auth/callback`]);
      expect(client.LogoutURLs.map(render)).toEqual([`https://${cf}/`]);
    });

    it('signed-in functions know the hosted /logout (Cognito has no end_session_endpoint), returning to the registered sign-out URL', () => {
      const cf = `<${logicalId(s.stack.web.distribution)}.DomainName>`;
      const env = s.resources[contextFunctionId(s.resources, 'identity')]!.Properties.Environment.Variables;
      expect(render(env.OIDC_LOGOUT_URL)).toBe(
        `https://<${logicalId(s.stack.identity.domain)}>.auth.ap-southeast-5.amazoncognito.com/logout?client_id=<${logicalId(s.stack.identity.client)}>&logout_uri=https%3A%2F%2F${cf}%2F`,
      );
      expect(decodeURIComponent(render(env.OIDC_LOGOUT_URL).split('logout_uri=')[1]!)).toBe(render(client.LogoutURLs[0]));
    });

    it('without the oidcProvider context: Cognito accounts only, no identity provider', () => {
      expect(client.SupportedIdentityProviders).toEqual(['COGNITO']);
      expect(ofType(s.resources, 'AWS::Cognito::UserPoolIdentityProvider')).toEqual([]);
    });

    it('the template has no reference cycle (CloudFront -> API <- client <- authorizer <- routes)', () => {
      expect(findCycle(s.resources)).toBeUndefined();
    });
  });

  describe('HTTP API', () => {
    const routes = manifest.flatMap((c) => c.routes.map((r) => [r, c.name] as const));

    it('has exactly the manifest routes', () => {
      expect(ofType(s.resources, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey).sort()).toEqual(
        routes.map(([r]) => r).sort(),
      );
    });

    it('has one JWT authorizer: issuer = the user pool, audience = the web client id', () => {
      const [id, authorizer] = theOnly(s.resources, 'AWS::ApiGatewayV2::Authorizer');
      const p = authorizer.Properties;
      expect(p.ApiId).toEqual({ Ref: logicalId(s.stack.api.httpApi) });
      expect(p.AuthorizerType).toBe('JWT');
      expect(p.IdentitySource).toEqual(['$request.header.Authorization']);
      expect(render(p.JwtConfiguration.Issuer)).toBe(`https://cognito-idp.ap-southeast-5.amazonaws.com/<${logicalId(s.stack.identity.userPool)}>`);
      expect(p.JwtConfiguration.Audience).toEqual([{ Ref: logicalId(s.stack.identity.client) }]);
      expect(id).toBe(s.stack.resolve(s.stack.authorizer.authorizerId).Ref);
    });

    const authOf = manifest.flatMap((c) =>
      c.routes.map((r) => [r, Object.hasOwn(c.publicRoutes ?? {}, r) ? 'NONE' : 'JWT'] as const),
    );
    it('covers every manifest route below, some public and some signed-in', () => {
      expect(authOf.map(([r]) => r).sort()).toEqual(routes.map(([r]) => r).sort());
      expect(new Set(authOf.map(([, a]) => a))).toEqual(new Set(['NONE', 'JWT']));
    });

    it.each(authOf)('%s: authorization %s', (routeKey, expected) => {
      const [, route] = ofType(s.resources, 'AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties.RouteKey === routeKey)!;
      expect(route.Properties.AuthorizationType).toBe(expected);
      if (expected === 'JWT') {
        const [authorizerId] = theOnly(s.resources, 'AWS::ApiGatewayV2::Authorizer');
        expect(route.Properties.AuthorizerId).toEqual({ Ref: authorizerId });
      } else {
        expect(route.Properties.AuthorizerId).toBeUndefined();
      }
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
      expect(b.ResponseHeadersPolicyId).toEqual({ Ref: logicalId(s.stack.web.siteHeaders) });
    });

    it('sends the security headers and a Content-Security-Policy that allows only this site and the sign-in provider', () => {
      const headers = s.resources[logicalId(s.stack.web.siteHeaders)]!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
      expect(headers.ContentTypeOptions).toEqual({ Override: true });
      expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
      expect(headers.ReferrerPolicy).toEqual({ ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true });
      expect(headers.StrictTransportSecurity).toEqual({ AccessControlMaxAgeSec: 31536000, Override: true });
      const csp = render(headers.ContentSecurityPolicy.ContentSecurityPolicy);
      expect(headers.ContentSecurityPolicy.Override).toBe(true);
      expect(csp.split('; ')).toEqual([
        "default-src 'self'",
        "script-src 'self'", // no build given: nothing is served, so no inline script is allowed
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        `connect-src 'self' https://cognito-idp.ap-southeast-5.amazonaws.com https://latih-test-<AWS::AccountId>.auth.ap-southeast-5.amazoncognito.com`,
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ]);
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
      // The viewer's address for the per-address rate limits (functions/core/rate-limit.ts).
      expect(api.FunctionAssociations).toEqual([
        { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [logicalId(s.stack.web.viewerAddress), 'FunctionARN'] } },
      ]);
      expect(s.resources[logicalId(s.stack.web.viewerAddress)]!.Properties.FunctionCode).toBe(VIEWER_ADDRESS_CODE);
      const origin = (config.Origins as Json[]).find((o) => o.Id === api.TargetOriginId)!;
      expect(JSON.stringify(origin.DomainName)).toContain(logicalId(s.stack.api.httpApi));
      expect(origin.CustomOriginConfig).toEqual({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    });

    it('deploys no site when no web build is given', () => {
      expect(ofType(s.resources, 'Custom::CDKBucketDeployment')).toHaveLength(0);
    });
  });

  it('outputs the API, site, storage and sign-in settings', () => {
    const outputs = s.template.toJSON().Outputs as Json;
    expect(Object.keys(outputs).sort()).toEqual(
      ['ApiUrl', 'AuthIssuer', 'ContentBucketName', 'HostedLoginDomain', 'SiteUrl', 'TableName', 'UserPoolClientId', 'UserPoolId'].sort(),
    );
    const poolId = logicalId(s.stack.identity.userPool);
    expect(outputs.UserPoolId.Value).toEqual({ Ref: poolId });
    expect(outputs.UserPoolClientId.Value).toEqual({ Ref: logicalId(s.stack.identity.client) });
    expect(render(outputs.AuthIssuer.Value)).toBe(`https://cognito-idp.ap-southeast-5.amazonaws.com/<${poolId}>`);
    expect(render(outputs.HostedLoginDomain.Value)).toBe(
      `https://<${logicalId(s.stack.identity.domain)}>.auth.ap-southeast-5.amazoncognito.com`,
    );
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

describe('viewer address function', () => {
  // The CloudFront Function source, run as CloudFront would call it.
  const handler = new Function(`${VIEWER_ADDRESS_CODE}; return handler;`)() as (e: Json) => Json;

  it('sets the header the API reads from the connection, replacing what the client sent', () => {
    const out = handler({ viewer: { ip: '203.0.113.7' }, request: { uri: '/api/auth/config', headers: { 'x-latih-viewer-address': { value: '1.2.3.4' }, 'x-forwarded-for': { value: '5.6.7.8' } } } });
    expect(out.headers['x-latih-viewer-address']).toEqual({ value: '203.0.113.7' });
    expect(out.uri).toBe('/api/auth/config');
  });
});

describe('Latih stack with a web build, a known account, a custom domain and an OIDC provider', () => {
  const oidcProvider = {
    name: 'MyDigitalID',
    issuerUrl: 'https://id.example.gov.my',
    clientId: 'latih-client',
    clientSecretName: 'latih/test/mydigitalid',
  };
  let s: Synth;
  let webBuild: string;
  beforeAll(() => {
    webBuild = mkdtempSync(join(tmpdir(), 'latih-web-'));
    mkdirSync(join(webBuild, '_app', 'immutable'), { recursive: true });
    writeFileSync(join(webBuild, '200.html'), '<!doctype html><title>Latih</title><div><script>start(1)</script><script src="/x.js"></script></div>');
    writeFileSync(join(webBuild, '_app', 'immutable', 'start.js'), 'export {};');
    s = synth(
      {
        webAssetPath: webBuild,
        domain: { names: ['latih.example.my'], certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' },
        oidcProvider,
      },
      '123456789012',
    );
  }, SYNTH_TIMEOUT);
  afterAll(() => rmSync(webBuild, { recursive: true, force: true }));

  it("allows exactly the build's inline bootstrap script in the CSP, by its hash", () => {
    const config = theOnly(s.resources, 'AWS::CloudFront::ResponseHeadersPolicy')[1].Properties.ResponseHeadersPolicyConfig;
    const csp = render(config.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    const hash = createHash('sha256').update('start(1)').digest('base64');
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}';`);
    expect(csp).toContain('https://latih-test-123456789012.auth.ap-southeast-5.amazoncognito.com');
  });

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

  it('hosted login domain prefix uses the account id', () => {
    expect(theOnly(s.resources, 'AWS::Cognito::UserPoolDomain')[1].Properties.Domain).toBe('latih-test-123456789012');
  });

  it('callback and sign-out URLs use the custom domain', () => {
    const client = theOnly(s.resources, 'AWS::Cognito::UserPoolClient')[1].Properties;
    expect(client.CallbackURLs).toEqual(['https://latih.example.my/auth/callback']);
    expect(client.LogoutURLs).toEqual(['https://latih.example.my/']);
  });

  it('federates the OIDC provider: secret by dynamic reference, attributes mapped, offered by the client', () => {
    const [idpId, idp] = theOnly(s.resources, 'AWS::Cognito::UserPoolIdentityProvider');
    expect(idp.Properties).toEqual(
      expect.objectContaining({
        UserPoolId: { Ref: logicalId(s.stack.identity.userPool) },
        ProviderName: 'MyDigitalID',
        ProviderType: 'OIDC',
        ProviderDetails: expect.objectContaining({
          client_id: 'latih-client',
          client_secret: '{{resolve:secretsmanager:latih/test/mydigitalid:SecretString:::}}',
          oidc_issuer: 'https://id.example.gov.my',
          authorize_scopes: 'openid email profile',
        }),
        AttributeMapping: { email: 'email', email_verified: 'email_verified', name: 'name' },
      }),
    );
    const [, client] = theOnly(s.resources, 'AWS::Cognito::UserPoolClient');
    expect(client.Properties.SupportedIdentityProviders).toEqual(['COGNITO', 'MyDigitalID']);
    expect(asArray(client.DependsOn)).toContain(idpId);
  });

  it('the template has no reference cycle', () => {
    expect(findCycle(s.resources)).toBeUndefined();
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
    s = synth({ contexts: variants, authDomainPrefix: 'latih-variants' });
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

  it('only the writer gets the PII key; none gets the OIDC settings (no signed-in routes)', () => {
    for (const c of variants) {
      const env = s.resources[contextFunctionId(s.resources, c.name)]!.Properties.Environment.Variables as Json;
      expect(Object.keys(env).filter((k) => /^(OIDC_|PII_)/.test(k)), c.name).toEqual(c.name === 'writer' ? ['PII_HMAC_KEY_SECRET_ARN'] : []);
    }
  });

  it('takes the hosted login domain prefix from authDomainPrefix', () => {
    expect(theOnly(s.resources, 'AWS::Cognito::UserPoolDomain')[1].Properties.Domain).toBe('latih-variants');
  });

  it('puts a route not declared public behind the JWT authorizer, and gives its function the OIDC settings and PII key', () => {
    const t = synth({ contexts: [{ ...variants[3]!, routes: ['POST /api/enrolments', 'GET /api/open'], publicRoutes: { 'GET /api/open': 'a test' } }] });
    const routes = Object.fromEntries(ofType(t.resources, 'AWS::ApiGatewayV2::Route').map(([, r]) => [r.Properties.RouteKey, r.Properties.AuthorizationType]));
    expect(routes).toEqual({ 'POST /api/enrolments': 'JWT', 'GET /api/open': 'NONE' });
    const env = t.resources[contextFunctionId(t.resources, 'idle')]!.Properties.Environment.Variables as Json;
    expect(Object.keys(env)).toEqual(expect.arrayContaining(['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'PII_HMAC_KEY_SECRET_ARN']));
    expect(nagViolations(t)).toEqual([]);
  }, SYNTH_TIMEOUT);

  it('refuses a public route that is not one of the context\'s routes', () => {
    expect(() => synth({ contexts: [{ ...variants[3]!, routes: ['GET /api/a'], publicRoutes: { 'GET /api/b': 'typo' } }] })).toThrow(
      /lists "GET \/api\/b" in publicRoutes but not in routes/,
    );
  });
});

describe('reference-cycle check', () => {
  it('finds a cycle through Ref, Fn::GetAtt, Fn::Sub and DependsOn, and none in a chain', () => {
    const chain: Resources = {
      Api: { Type: 'T', Properties: {} },
      Cdn: { Type: 'T', Properties: { Origin: { 'Fn::Sub': '${Api}.execute-api.${AWS::Region}.amazonaws.com' } } },
      Client: { Type: 'T', Properties: { Callback: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': ['Cdn', 'DomainName'] }]] } } },
      Route: { Type: 'T', Properties: { Api: { Ref: 'Api' }, Audience: [{ Ref: 'Client' }] } },
    };
    expect(findCycle(chain)).toBeUndefined();
    expect(findCycle({ ...chain, Cdn: { ...chain.Cdn!, DependsOn: ['Route'] } })).toEqual(['Cdn', 'Route', 'Client', 'Cdn']);
  });
});

describe('oidcProvider context', () => {
  const valid = { name: 'MyDigitalID', issuerUrl: 'https://id.example.gov.my', clientId: 'c', clientSecretName: 'latih/idp' };

  it('is optional', () => {
    expect(parseOidcProvider(undefined)).toBeUndefined();
    expect(parseOidcProvider('')).toBeUndefined();
  });

  it('accepts JSON from the command line or an object from cdk.json', () => {
    expect(parseOidcProvider(JSON.stringify(valid))).toEqual(valid);
    expect(parseOidcProvider({ ...valid, scopes: ['openid'] })).toEqual({ ...valid, scopes: ['openid'] });
  });

  it.each([
    ['not JSON', '{name:'],
    ['a missing field', JSON.stringify({ ...valid, clientSecretName: undefined })],
    ['a plain-http issuer', { ...valid, issuerUrl: 'http://id.example.gov.my' }],
    ['the reserved name COGNITO', { ...valid, name: 'Cognito' }],
    ['a name with spaces', { ...valid, name: 'My Digital ID' }],
    ['scopes that are not strings', { ...valid, scopes: [1] }],
  ])('refuses %s', (_label, raw) => {
    expect(() => parseOidcProvider(raw)).toThrow(/Invalid context oidcProvider/);
  });
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
  const piiKey = needsPiiKey(context);
  const signs = context.signsCertificates ? ['kms:GetPublicKey', 'kms:Sign'] : [];
  expect(actionsOf(statements, 'kms:').filter((a) => !signs.includes(a))).toEqual(
    [...new Set([...EXPECTED.kms[context.table], ...EXPECTED.kms[context.contentBucket], ...(piiKey ? ['kms:Decrypt'] : [])])].sort(),
  );
  expect(actionsOf(statements, 'logs:')).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
  expect(actionsOf(statements, 'secretsmanager:')).toEqual(piiKey ? ['secretsmanager:GetSecretValue'] : []);
  // Only the importer opens sign-in accounts, and may do nothing else in the user pool.
  expect(actionsOf(statements, 'cognito-idp:')).toEqual(context.loginAccounts ? ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminGetUser'] : []);
  expect(statements.flatMap((st) => asArray<string>(st.Action)).every((a) => /^(dynamodb|s3|kms|logs|secretsmanager|cognito-idp):/.test(a))).toBe(true);

  for (const st of statements) {
    const actions = asArray<string>(st.Action);
    const resources = asArray<Json>(st.Resource);
    if (actions.some((a) => a.startsWith('dynamodb:'))) {
      expect(resources).toEqual([tableArn, ...['gsi1', 'gsi2', 'gsi3'].map((i) => ({ 'Fn::Join': ['', [tableArn, `/index/${i}`]] }))]);
    }
    if (actions.some((a) => a.startsWith('s3:'))) {
      expect(resources).toEqual([{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId(s.stack.data.contentBucket), 'Arn'] }, '/*']] }]);
    }
    if (actions.includes('kms:Sign')) {
      // Only the certificates' signing key, and only for the context that signs.
      expect(context.signsCertificates).toBe(true);
      expect(actions.sort()).toEqual(['kms:GetPublicKey', 'kms:Sign']);
      expect(resources).toEqual([{ 'Fn::GetAtt': [logicalId(s.stack.certificates!.signingKey), 'Arn'] }]);
    } else if (actions.some((a) => a.startsWith('kms:'))) expect(resources).toEqual([keyArn]);
    if (actions.some((a) => a.startsWith('secretsmanager:'))) expect(resources).toEqual([{ Ref: logicalId(s.stack.data.piiKeySecret) }]);
    if (actions.some((a) => a.startsWith('cognito-idp:'))) expect(resources).toEqual([{ 'Fn::GetAtt': [logicalId(s.stack.identity.userPool), 'Arn'] }]);
    if (actions.some((a) => a.startsWith('logs:'))) {
      const fn = s.resources[contextFunctionId(s.resources, context.name)]!;
      expect(resources).toEqual([{ 'Fn::GetAtt': [fn.Properties.LoggingConfig.LogGroup.Ref, 'Arn'] }]);
    }
  }
}
