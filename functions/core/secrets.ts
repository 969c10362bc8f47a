/**
 * Secrets named by ARN in the configuration are read once, at cold start, and put where the
 * configuration would hold a literal value (as it does locally). Kept out of environment
 * variables in AWS, where the Lambda console would show them.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ConfigError, type Config } from './config';

export async function withSecrets(config: Config, client = new SecretsManagerClient({ region: config.region })): Promise<Config> {
  if (config.piiKey || !config.piiKeySecretArn) return config;
  const out = await client.send(new GetSecretValueCommand({ SecretId: config.piiKeySecretArn }));
  const value = out.SecretString ?? '';
  if (value.length < 32) throw new ConfigError('Invalid configuration: the PII_HMAC_KEY secret is shorter than 32 characters');
  return { ...config, piiKey: value };
}
