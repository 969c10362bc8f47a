/**
 * The part of oidc-provider 9 (which ships no types) that the local provider uses. Written by
 * hand rather than adding @types/oidc-provider, to keep the dependency list as it is; if that
 * package is ever installed, delete this file.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  import type { EventEmitter } from 'node:events';

  export type UnknownObject = Record<string, unknown>;

  export interface ClientMetadata {
    client_id: string;
    client_name?: string;
    token_endpoint_auth_method?: 'none' | 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';
    grant_types?: string[];
    response_types?: string[];
    redirect_uris?: string[];
    post_logout_redirect_uris?: string[];
    scope?: string;
    [key: string]: unknown;
  }

  export interface Client {
    clientId: string;
    clientName?: string;
    clientAuthMethod: string;
    redirectUris: string[];
    postLogoutRedirectUris?: string[];
    grantTypeAllowed(type: string): boolean;
  }

  export interface ResourceServerInfo {
    scope: string;
    audience?: string;
    accessTokenTTL?: number;
    accessTokenFormat?: 'opaque' | 'jwt';
    jwt?: { sign?: { alg?: string; kid?: string } };
  }

  export interface OIDCContext {
    route: string;
    params?: Record<string, unknown>;
    client?: Client;
    session?: { accountId?: string };
  }

  /** The Koa context oidc-provider passes to configuration functions. */
  export interface KoaContextWithOIDC {
    oidc: OIDCContext;
    headers: Record<string, string | string[] | undefined>;
    host: string;
    status: number;
    type: string;
    body: unknown;
    set(field: string, value: string): void;
  }

  export interface BaseToken {
    kind: string;
    accountId?: string;
    clientId?: string;
    scope?: string;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string, claims: UnknownObject, rejected: string[]): UnknownObject | Promise<UnknownObject>;
  }

  export interface ErrorOut {
    error: string;
    error_description?: string;
    state?: string;
    [key: string]: unknown;
  }

  export interface Configuration {
    clients?: ClientMetadata[];
    jwks?: { keys: object[] };
    cookies?: {
      keys?: string[];
      names?: Record<string, string>;
      long?: UnknownObject;
      short?: UnknownObject;
    };
    claims?: Record<string, string[] | null>;
    scopes?: string[];
    responseTypes?: string[];
    conformIdTokenClaims?: boolean;
    pkce?: { required?: (ctx: KoaContextWithOIDC, client: Client) => boolean };
    ttl?: Record<string, number | ((ctx: KoaContextWithOIDC, token: BaseToken, client: Client) => number)>;
    discovery?: UnknownObject;
    routes?: Record<string, string>;
    interactions?: { url?: (ctx: KoaContextWithOIDC, interaction: Interaction) => string | Promise<string> };
    findAccount?: (ctx: KoaContextWithOIDC, sub: string, token?: BaseToken) => Promise<Account | undefined>;
    extraTokenClaims?: (ctx: KoaContextWithOIDC, token: BaseToken) => Promise<UnknownObject | undefined> | UnknownObject | undefined;
    issueRefreshToken?: (ctx: KoaContextWithOIDC, client: Client, code: BaseToken) => boolean | Promise<boolean>;
    clientBasedCORS?: (ctx: KoaContextWithOIDC, origin: string, client: Client) => boolean;
    renderError?: (ctx: KoaContextWithOIDC, out: ErrorOut, error: Error) => void | Promise<void>;
    features?: {
      devInteractions?: { enabled: boolean };
      revocation?: { enabled: boolean };
      userinfo?: { enabled: boolean };
      resourceIndicators?: {
        enabled: boolean;
        defaultResource?: (ctx: KoaContextWithOIDC, client: Client, oneOf?: string[]) => string | string[] | undefined | Promise<string | string[] | undefined>;
        getResourceServerInfo?: (ctx: KoaContextWithOIDC, resourceIndicator: string, client: Client) => ResourceServerInfo | Promise<ResourceServerInfo>;
        useGrantedResource?: (ctx: KoaContextWithOIDC, model: unknown) => boolean | Promise<boolean>;
      };
      rpInitiatedLogout?: {
        enabled: boolean;
        logoutSource?: (ctx: KoaContextWithOIDC, form: string) => void | Promise<void>;
        postLogoutSuccessSource?: (ctx: KoaContextWithOIDC) => void | Promise<void>;
      };
      [feature: string]: unknown;
    };
    [key: string]: unknown;
  }

  export interface PromptDetail {
    name: 'login' | 'consent' | string;
    reasons: string[];
    details: {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
      [key: string]: unknown;
    };
  }

  export interface Interaction {
    uid: string;
    prompt: PromptDetail;
    params: Record<string, unknown> & { client_id?: string; ui_locales?: string };
    session?: { accountId?: string; uid?: string };
    grantId?: string;
    returnTo: string;
  }

  export interface InteractionResults {
    login?: { accountId: string; remember?: boolean; amr?: string[]; acr?: string; ts?: number };
    consent?: { grantId?: string };
    error?: string;
    error_description?: string;
    [key: string]: unknown;
  }

  export class Grant {
    constructor(properties: { accountId: string; clientId: string });
    static find(id: string): Promise<Grant | undefined>;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(ttl?: number): Promise<string>;
  }

  export class Provider extends EventEmitter {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    readonly Grant: typeof Grant;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(req: IncomingMessage, res: ServerResponse, result: InteractionResults, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
    urlFor(name: string, options?: UnknownObject): string;
  }

  export const errors: {
    OIDCProviderError: new (...args: unknown[]) => Error;
    SessionNotFound: new (description?: string) => Error;
    InvalidTarget: new (description?: string) => Error;
  };

  export default Provider;
}
