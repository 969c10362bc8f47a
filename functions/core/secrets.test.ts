import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';
import { withSecrets } from './secrets';

// Secrets Manager has no local stand-in: the mock plays AWS here.
describe('withSecrets', () => {
  const arn = 'arn:aws:secretsmanager:ap-southeast-5:123456789012:secret:latih-pii-AbCdEf';
  const base = { TABLE_NAME: 'latih', CONTENT_BUCKET: 'latih-content', PII_HMAC_KEY_SECRET_ARN: arn };

  it('reads the PII key from the secret named by ARN', async () => {
    const sm = mockClient(SecretsManagerClient);
    sm.on(GetSecretValueCommand, { SecretId: arn }).resolves({ SecretString: 'k'.repeat(64) });
    const config = await withSecrets(loadConfig(base), new SecretsManagerClient({}));
    expect(config.piiKey).toBe('k'.repeat(64));
    sm.restore();
  });

  it('keeps a literal key (local) without calling Secrets Manager', async () => {
    const sm = mockClient(SecretsManagerClient);
    const config = await withSecrets(loadConfig({ ...base, PII_HMAC_KEY: 'l'.repeat(40) }), new SecretsManagerClient({}));
    expect(config.piiKey).toBe('l'.repeat(40));
    expect(sm.calls()).toHaveLength(0);
    sm.restore();
  });

  it('refuses a short secret', async () => {
    const sm = mockClient(SecretsManagerClient);
    sm.on(GetSecretValueCommand).resolves({ SecretString: 'short' });
    await expect(withSecrets(loadConfig(base), new SecretsManagerClient({}))).rejects.toThrow(ConfigError);
    sm.restore();
  });
});
