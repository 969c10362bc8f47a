/**
 * What every signed-in app's access guard needs from the identity context: tokens verified
 * against the issuer's JWKS, a user's role assignments and home unit, a unit's ancestors.
 * Apart from app.ts and the identity store, so that another context's Lambda carries these
 * few reads and not identity's routes, schemas and store.
 */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Assignment } from '../core/access';
import { createTokenVerifier } from '../core/auth';
import type { Clients } from '../core/clients';
import { required, type Config } from '../core/config';
import type { AccessDeps } from '../core/http';
import { PROFILE_SK, ROLE_PREFIX, userPk } from './keys';
import { orgDirectory, type OrgDirectory } from './orgs';

export function accessReads(ddb: DynamoDBDocumentClient, tableName: string) {
  return {
    async assignmentsOf(userId: string): Promise<Assignment[]> {
      const { Items = [] } = await ddb.send(
        new QueryCommand({
          TableName: tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :r)',
          ExpressionAttributeValues: { ':pk': userPk(userId), ':r': ROLE_PREFIX },
        }),
      );
      return Items.map((i) => ({ role: i.role, orgId: i.orgId, ...(i.programme ? { programme: i.programme } : {}) }) as Assignment);
    },

    /** The home unit of a user, undefined when there is no such user. */
    async orgOfUser(userId: string): Promise<string | undefined> {
      const { Item } = await ddb.send(new GetCommand({ TableName: tableName, Key: { pk: userPk(userId), sk: PROFILE_SK }, ProjectionExpression: 'orgId' }));
      return Item?.orgId as string | undefined;
    },
  };
}

/** The access guard's dependencies (core/http.ts); `orgs` shares a unit directory already made. */
export function accessDeps(config: Config, clients: Clients, orgs: OrgDirectory = orgDirectory(clients.ddb, config.tableName)): AccessDeps {
  const reads = accessReads(clients.ddb, config.tableName);
  return {
    verifyToken: createTokenVerifier(required(config.oidc, 'OIDC_ISSUER, OIDC_CLIENT_ID')),
    assignmentsOf: reads.assignmentsOf,
    orgOfUser: reads.orgOfUser,
    ancestorsOf: (orgId) => orgs.ancestorsOf(orgId),
  };
}
