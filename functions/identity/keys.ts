/**
 * Keys of the identity context (the access-pattern table is in docs/architecture.md).
 *
 *   profile            pk=USER#<userId>  sk=PROFILE                gsi2pk=ORGUSERS#<orgId>  gsi2sk=<name>#<userId>
 *   role assignment    pk=USER#<userId>  sk=ROLE#<role>#<orgId>#<programme|->   gsi1pk=ORGROLES#<orgId>  gsi1sk=<role>#<userId>
 *   MyKad uniqueness   pk=IC#<hmac(ic)>  sk=IC                     (userId; the IC itself is stored once, on the profile)
 *   email lookup       pk=EMAIL#<hmac(email)> sk=EMAIL             (userId)
 */
export const userPk = (userId: string) => `USER#${userId}`;
export const PROFILE_SK = 'PROFILE';
export const ROLE_PREFIX = 'ROLE#';
export const roleSk = (role: string, orgId: string, programme?: string) => `${ROLE_PREFIX}${role}#${orgId}#${programme ?? '-'}`;
export const icGuardPk = (digest: string) => `IC#${digest}`;
export const IC_SK = 'IC';
export const emailPk = (digest: string) => `EMAIL#${digest}`;
export const EMAIL_SK = 'EMAIL';
export const orgUsersPk = (orgId: string) => `ORGUSERS#${orgId}`;
export const orgRolesPk = (orgId: string) => `ORGROLES#${orgId}`;
