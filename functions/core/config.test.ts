import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('reads names and endpoints, defaulting the region to Malaysia', () => {
    expect(loadConfig({ TABLE_NAME: 'latih', CONTENT_BUCKET: 'latih-content' })).toEqual({
      tableName: 'latih', contentBucket: 'latih-content', region: 'ap-southeast-5',
    });
    expect(loadConfig({ TABLE_NAME: 'latih', CONTENT_BUCKET: 'c-b', AWS_REGION: 'ap-southeast-1', DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' })).toMatchObject({
      region: 'ap-southeast-1', dynamodbEndpoint: 'http://127.0.0.1:8000',
    });
  });

  it('chooses where imports open sign-in accounts: the Cognito pool, else the local provider', () => {
    const base = { TABLE_NAME: 'latih', CONTENT_BUCKET: 'c-b' };
    const secret = 's'.repeat(32);
    expect(loadConfig({ ...base, COGNITO_USER_POOL_ID: 'ap-southeast-5_Ab12' }).loginAccounts).toEqual({ kind: 'cognito', userPoolId: 'ap-southeast-5_Ab12' });
    expect(loadConfig({ ...base, ACCOUNT_ADMIN_URL: 'http://127.0.0.1:9400/admin/accounts', ACCOUNT_ADMIN_SECRET: secret }).loginAccounts)
      .toEqual({ kind: 'local', url: 'http://127.0.0.1:9400/admin/accounts', secret });
    expect(loadConfig(base).loginAccounts).toBeUndefined();
    expect(() => loadConfig({ ...base, ACCOUNT_ADMIN_SECRET: 'short' })).toThrow(/ACCOUNT_ADMIN_SECRET/);
    expect(loadConfig({ ...base, OIDC_ISSUER: 'https://i.example', OIDC_CLIENT_ID: 'c', OIDC_LOGOUT_URL: 'https://x.example/logout?client_id=c' }).oidc?.logoutUrl)
      .toBe('https://x.example/logout?client_id=c');
  });

  it('fails fast naming every missing or malformed variable', () => {
    expect(() => loadConfig({ S3_ENDPOINT: 'not a url' })).toThrow(ConfigError);
    expect(() => loadConfig({ S3_ENDPOINT: 'not a url' })).toThrow(/TABLE_NAME.*CONTENT_BUCKET.*S3_ENDPOINT/);
  });
});
