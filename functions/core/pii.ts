/**
 * Keyed digests of personal identifiers (MyKad, email) for lookup and uniqueness items, so the
 * identifier itself is stored once, on the profile, and never in a key. A plain hash would not
 * do: MyKad numbers are few enough (dates x place codes x 10^4) to enumerate.
 */
import { createHmac } from 'node:crypto';

export function piiDigest(key: string, kind: 'ic' | 'email', value: string): string {
  return createHmac('sha256', key).update(`${kind}:${value}`).digest('base64url');
}
