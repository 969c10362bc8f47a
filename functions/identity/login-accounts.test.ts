/**
 * The Cognito implementation of LoginAccounts, against a mocked Cognito client: Cognito cannot
 * run locally (no emulator from AWS), so these tests pin the calls and the retry behaviour; the
 * local implementation is tested against the real local provider (tests/integration/csv-import).
 */
import { AdminCreateUserCommand, AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { LoginAccountError, cognitoLoginAccounts, cognitoUsername, loginAccountsFrom } from './login-accounts';

const POOL = 'ap-southeast-5_Test123';
const cognito = mockClient(CognitoIdentityProviderClient);
const accounts = () => cognitoLoginAccounts(POOL, new CognitoIdentityProviderClient({ region: 'ap-southeast-5' }));
const exception = (name: string) => Object.assign(new Error(name), { name });

beforeEach(() => cognito.reset());

describe('Cognito login accounts', () => {
  it('creates the user with a verified email and the name; Cognito sends the invitation', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: { Username: 'x', Attributes: [{ Name: 'sub', Value: 'sub-1' }] } });
    await expect(accounts().ensureAccount({ email: ' Aminah@MOE.gov.my ', name: 'Aminah' })).resolves.toEqual({ sub: 'sub-1', created: true });
    const input = cognito.commandCalls(AdminCreateUserCommand)[0]!.args[0].input;
    expect(input).toEqual({
      UserPoolId: POOL,
      Username: cognitoUsername('aminah@moe.gov.my'),
      UserAttributes: [{ Name: 'email', Value: 'aminah@moe.gov.my' }, { Name: 'email_verified', Value: 'true' }, { Name: 'name', Value: 'Aminah' }],
      DesiredDeliveryMediums: ['EMAIL'],
    });
    // No MessageAction: a new user gets Cognito's invitation email. No ForceAliasCreation: an email in use is never moved.
    expect(input.MessageAction).toBeUndefined();
    expect(input.ForceAliasCreation).toBeUndefined();
  });

  it('the username is derived from the email, stable, and not shaped like an email', () => {
    expect(cognitoUsername('A@b.my')).toBe(cognitoUsername('a@b.my'));
    expect(cognitoUsername('a@b.my')).not.toBe(cognitoUsername('c@b.my'));
    expect(cognitoUsername('a@b.my')).toMatch(/^latih-[0-9a-f]{24}$/);
  });

  it('a retried import finds the account an earlier run created (UsernameExistsException)', async () => {
    cognito.on(AdminCreateUserCommand).rejects(exception('UsernameExistsException'));
    cognito.on(AdminGetUserCommand).resolves({ Username: 'u', UserAttributes: [{ Name: 'email', Value: 'a@b.my' }, { Name: 'sub', Value: 'sub-2' }] });
    await expect(accounts().ensureAccount({ email: 'a@b.my', name: 'A' })).resolves.toEqual({ sub: 'sub-2', created: false });
    expect(cognito.commandCalls(AdminGetUserCommand)[0]!.args[0].input).toEqual({ UserPoolId: POOL, Username: cognitoUsername('a@b.my') });
  });

  it('an email that already signs in (AliasExistsException) is looked up by that email', async () => {
    cognito.on(AdminCreateUserCommand).rejects(exception('AliasExistsException'));
    cognito.on(AdminGetUserCommand).resolves({ Username: 'hand-made', UserAttributes: [{ Name: 'sub', Value: 'sub-3' }] });
    await expect(accounts().ensureAccount({ email: 'a@b.my', name: 'A' })).resolves.toEqual({ sub: 'sub-3', created: false });
    expect(cognito.commandCalls(AdminGetUserCommand)[0]!.args[0].input).toEqual({ UserPoolId: POOL, Username: 'a@b.my' });
  });

  it('any other failure is passed on (the import stops, nothing of the batch written)', async () => {
    cognito.on(AdminCreateUserCommand).rejects(exception('TooManyRequestsException'));
    await expect(accounts().ensureAccount({ email: 'a@b.my', name: 'A' })).rejects.toThrow('TooManyRequestsException');
    cognito.on(AdminCreateUserCommand).resolves({ User: { Attributes: [] } });
    await expect(accounts().ensureAccount({ email: 'a@b.my', name: 'A' })).rejects.toThrow(LoginAccountError);
  });

  it('is chosen by configuration: Cognito in AWS, the local provider locally, none otherwise', () => {
    const base = { tableName: 't', contentBucket: 'b', region: 'ap-southeast-5' };
    expect(loginAccountsFrom(base)).toBeUndefined();
    expect(loginAccountsFrom({ ...base, loginAccounts: { kind: 'cognito', userPoolId: POOL } })).toBeDefined();
    expect(loginAccountsFrom({ ...base, loginAccounts: { kind: 'local', url: 'http://127.0.0.1:1/admin/accounts', secret: 's'.repeat(32) } })).toBeDefined();
  });
});
