import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { LatihStack } from './cdk/stack';
const ctx = JSON.parse(readFileSync('cdk.json', 'utf8')).context;
const app = new App({ context: { ...ctx }, outdir: '/tmp/nagout2' });
const stack = new LatihStack(app, 'Latih', { stage: 'dev', env: { region: 'ap-southeast-5' }, webAssetPath: process.argv[2] });
const r = new AwsSolutionsChecks(app).validateScope(stack);
for (const v of r.violations) console.log(v.severity, v.ruleName, v.violatingResources.map((x) => x.constructPath).join(' | '));
console.log('total', r.violations.length);
import { Template } from 'aws-cdk-lib/assertions';
const t = Template.fromStack(stack).toJSON();
for (const [k, v] of Object.entries<any>(t.Resources)) {
  if (v.Type === 'AWS::IAM::Policy' && k.includes('Deployment')) console.log(k, JSON.stringify(v.Properties.PolicyDocument, null, 1));
  if (v.Type === 'AWS::Lambda::Function' && k.includes('CDKBucketDeployment')) console.log(k, v.Properties.Runtime, v.Properties.Architectures, JSON.stringify(v.Properties.LoggingConfig));
}
