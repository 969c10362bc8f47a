/**
 * CDK entry (`npx cdk synth`). Context:
 *   -c stage=dev            stack `latih-<stage>` (default dev)
 *   -c region=ap-southeast-5 (default ap-southeast-5; CDK_DEFAULT_REGION is deliberately not used:
 *                            the CLI fills it with us-east-1 when no region is configured, which would
 *                            silently move Malaysian data out of the country)
 *   -c domainName=latih.example.my -c certificateArn=arn:aws:acm:us-east-1:...  (optional custom domain;
 *                            also the site origin of the sign-in callback/logout URLs, which otherwise
 *                            use the CloudFront domain)
 *   -c authDomainPrefix=latih-prod   prefix of the Cognito hosted login domain
 *                            `<prefix>.auth.<region>.amazoncognito.com` (default `latih-<stage>-<account id>`;
 *                            lowercase letters, digits and dashes, unique per region across AWS)
 *   -c oidcProvider='{"name":"MyDigitalID","issuerUrl":"https://...","clientId":"...","clientSecretName":"latih/mydigitalid"}'
 *                            optional federation: an OpenID Connect provider on the hosted login page; the
 *                            client secret is read at deploy time from that Secrets Manager secret (plain
 *                            string, same account and region); optional "scopes" (default openid email profile).
 *                            Without it only Cognito accounts sign in.
 * Synthesizes offline with no credentials; cdk-nag (AWS Solutions) fails synth on any
 * unacknowledged finding.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { repoRoot } from './paths';
import { parseOidcProvider } from './constructs/identity';
import { LatihStack } from './stack';

const app = new App();

const stage = String(app.node.tryGetContext('stage') ?? 'dev');
if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage)) {
  throw new Error(`Invalid context stage "${stage}": lowercase letters, digits and dashes, starting with a letter`);
}
const region = String(app.node.tryGetContext('region') ?? 'ap-southeast-5');
const domainName = app.node.tryGetContext('domainName') as string | undefined;
const certificateArn = app.node.tryGetContext('certificateArn') as string | undefined;
if (Boolean(domainName) !== Boolean(certificateArn)) {
  throw new Error('Context domainName and certificateArn go together (the certificate must be in us-east-1)');
}
const authDomainPrefix = app.node.tryGetContext('authDomainPrefix') as string | undefined;
if (authDomainPrefix !== undefined && !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(authDomainPrefix)) {
  throw new Error(`Invalid context authDomainPrefix "${authDomainPrefix}": lowercase letters, digits and dashes, at most 63`);
}
const oidcProvider = parseOidcProvider(app.node.tryGetContext('oidcProvider'));
const webBuild = join(repoRoot, 'web', 'build');

const stack = new LatihStack(app, 'Latih', {
  stackName: `latih-${stage}`,
  description: `Latih digital upskilling platform, Negeri Sembilan (${stage})`,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region },
  stage,
  terminationProtection: stage === 'prod',
  ...(existsSync(webBuild) ? { webAssetPath: webBuild } : {}),
  ...(domainName && certificateArn ? { domain: { names: [domainName], certificateArn } } : {}),
  ...(authDomainPrefix ? { authDomainPrefix } : {}),
  ...(oidcProvider ? { oidcProvider } : {}),
});
// On every resource (cost allocation), not only the stack: explicitStackTags is on.
Tags.of(stack).add('project', 'latih');
Tags.of(stack).add('stage', stage);

Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
