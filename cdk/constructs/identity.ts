/**
 * Who may sign in: the Cognito user pool (accounts created by administrators and imports, no
 * self sign-up), its hosted login domain, the web app's public client (authorization code +
 * PKCE) and, when configured, an OpenID Connect identity provider (e.g. MyDigital ID).
 *
 * The API verifies the pool's tokens twice: API Gateway's JWT authorizer (cdk/constructs/api.ts)
 * and the app itself (functions/core/auth.ts, from OIDC_ISSUER / OIDC_CLIENT_ID).
 */
import { Duration, RemovalPolicy, SecretValue, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';

/** An external OpenID Connect provider users may sign in with (context `oidcProvider`). */
export interface OidcProviderConfig {
  /** Provider name shown on the hosted login page and sent as `identity_provider`, e.g. `MyDigitalID`. */
  name: string;
  /** The provider's issuer (https); endpoints come from its discovery document. */
  issuerUrl: string;
  clientId: string;
  /** Name of the Secrets Manager secret holding the client secret as a plain string. */
  clientSecretName: string;
  /** Scopes requested from the provider; default openid, email, profile. */
  scopes?: string[];
}

/** The `oidcProvider` context: a JSON string on the command line, or an object in cdk.json. */
export function parseOidcProvider(raw: unknown): OidcProviderConfig | undefined {
  if (raw === undefined || raw === '') return undefined;
  const fail = (why: string): never => {
    throw new Error(`Invalid context oidcProvider: ${why}; expected {"name","issuerUrl","clientId","clientSecretName"[,"scopes"]}`);
  };
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      fail('not JSON');
    }
  }
  if (typeof value !== 'object' || value === null) return fail('not an object');
  const v = value as Record<string, unknown>;
  const text = (key: string): string => {
    const field = v[key];
    if (typeof field !== 'string' || field.trim() === '') return fail(`"${key}" missing`);
    return field;
  };
  const config: OidcProviderConfig = {
    name: text('name'),
    issuerUrl: text('issuerUrl'),
    clientId: text('clientId'),
    clientSecretName: text('clientSecretName'),
  };
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{1,30}[A-Za-z0-9]$/.test(config.name) || config.name.toUpperCase() === 'COGNITO') {
    fail('"name" must be 3-32 letters, digits or dashes (and not COGNITO)');
  }
  if (!/^https:\/\/[^\s/]+/.test(config.issuerUrl)) fail('"issuerUrl" must be an https URL');
  if (v.scopes !== undefined) {
    if (!Array.isArray(v.scopes) || !v.scopes.every((x) => typeof x === 'string' && x)) fail('"scopes" must be a list of strings');
    config.scopes = v.scopes as string[];
  }
  return config;
}

export interface IdentityProps {
  stage: string;
  /**
   * Origins of the web app, e.g. `https://latih.example.my` or the CloudFront domain: each gets
   * `/auth/callback` as a callback URL and `/` as a sign-out URL.
   */
  siteOrigins: readonly string[];
  /** Prefix of the hosted login domain, `<prefix>.auth.<region>.amazoncognito.com`. */
  domainPrefix: string;
  oidcProvider?: OidcProviderConfig;
}

/** Redirect paths of the web app (the local OpenID provider uses the same, functions/local/platform.ts). */
export const CALLBACK_PATH = '/auth/callback';
export const LOGOUT_PATH = '/';

export class Identity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly domain: cognito.UserPoolDomain;
  readonly client: cognito.UserPoolClient;
  readonly oidcProvider?: cognito.UserPoolIdentityProviderOidc;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>`: the `iss` of every token of the pool. */
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: `latih-${props.stage}`,
      // Accounts come from administrators and imports (later also federation): nobody signs up.
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      // A changed email takes effect only once verified; until then the old one still signs in.
      keepOriginal: { email: true },
      // Required attributes cannot be changed after the pool exists; a federated provider must
      // supply both (see the attribute mapping below).
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: true, mutable: true },
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
      },
      mfa: cognito.Mfa.OPTIONAL,
      // TOTP only: SMS would need an SNS role, sandbox exit and per-message cost.
      mfaSecondFactor: { sms: false, otp: true },
      enableSmsRole: false,
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Threat protection (standardThreatProtectionMode) only works on the Plus plan; see the
      // AwsSolutions-COG8 acknowledgement below.
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      // Cognito's own sender (a quota of 50 emails a day): enough for invitations and recovery
      // while accounts are created in small batches; move to SES before bulk imports of civil
      // servants and teachers (each new account is one invitation email).
      email: cognito.UserPoolEmail.withCognito(),
      userInvitation: {
        emailSubject: 'Akaun Latih anda / Your Latih account',
        emailBody:
          'Akaun Latih anda telah dibuka. Log masuk dengan e-mel rasmi anda (atau nama pengguna {username}) dan ' +
          'kata laluan sementara: {####}<br><br>' +
          'Your Latih account is ready. Sign in with your official email (or the username {username}) and the ' +
          'temporary password: {####}',
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Spelled out rather than the ProviderURL attribute: it must equal the tokens' `iss` exactly
    // (the authorizer and functions/core/auth.ts compare strings), and this is Cognito's documented form.
    this.issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;

    acknowledge(
      this.userPool,
      'AwsSolutions-COG2',
      'MFA is optional (TOTP, each user opts in), by project decision: accounts are created in bulk for residents and civil ' +
        'servants, many without an authenticator app, and requiring MFA would lock them out at first sign-in. To revisit for ' +
        'administrator accounts.',
    );
    acknowledge(
      this.userPool,
      'AwsSolutions-COG8',
      'Essentials feature plan, not Plus: Cognito threat protection (adaptive authentication, compromised-credential checks) ' +
        'exists only on Plus, billed per monthly active user at a higher rate; adopting it is a cost decision left to the ' +
        'project. Meanwhile passwords are long and complex, sign-up is closed and TOTP MFA is available.',
    );

    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
    });

    const providers = [cognito.UserPoolClientIdentityProvider.COGNITO];
    if (props.oidcProvider) {
      const p = props.oidcProvider;
      this.oidcProvider = new cognito.UserPoolIdentityProviderOidc(this, 'OidcProvider', {
        userPool: this.userPool,
        name: p.name,
        issuerUrl: p.issuerUrl,
        clientId: p.clientId,
        // A CloudFormation dynamic reference: the secret is read at deploy time and never
        // appears in the template.
        clientSecret: SecretValue.secretsManager(p.clientSecretName).unsafeUnwrap(),
        scopes: p.scopes ?? ['openid', 'email', 'profile'],
        attributeRequestMethod: cognito.OidcAttributeRequestMethod.GET,
        attributeMapping: {
          email: cognito.ProviderAttribute.other('email'),
          emailVerified: cognito.ProviderAttribute.other('email_verified'),
          fullname: cognito.ProviderAttribute.other('name'),
        },
      });
      providers.push(cognito.UserPoolClientIdentityProvider.custom(p.name));
    }

    const urls = (path: string) => props.siteOrigins.map((origin) => `${origin}${path}`);
    this.client = this.userPool.addClient('WebClient', {
      userPoolClientName: `latih-${props.stage}-web`,
      // A browser app cannot keep a secret: a public client. Cognito applies PKCE to every
      // authorization request that carries a code_challenge, and the web app always sends S256.
      generateSecret: false,
      // Sign-in happens only on the hosted login pages (OAuth); no direct password or SRP
      // calls from the browser. Refresh tokens still work.
      authFlows: { userPassword: false, userSrp: false, adminUserPassword: false, custom: false, user: false },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.PROFILE, cognito.OAuthScope.EMAIL],
        callbackUrls: urls(CALLBACK_PATH),
        logoutUrls: urls(LOGOUT_PATH),
      },
      supportedIdentityProviders: providers,
      accessTokenValidity: Duration.minutes(15),
      idTokenValidity: Duration.minutes(15),
      refreshTokenValidity: Duration.hours(8),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
    });
    // The client names the provider; CloudFormation must create the provider first.
    if (this.oidcProvider) this.client.node.addDependency(this.oidcProvider);
  }
}
