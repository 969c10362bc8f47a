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

  it('fails fast naming every missing or malformed variable', () => {
    expect(() => loadConfig({ S3_ENDPOINT: 'not a url' })).toThrow(ConfigError);
    expect(() => loadConfig({ S3_ENDPOINT: 'not a url' })).toThrow(/TABLE_NAME.*CONTENT_BUCKET.*S3_ENDPOINT/);
  });
});
