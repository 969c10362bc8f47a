/**
 * The signed-in person (`GET /api/me`: profile, roles, warnings), once per visit, again after
 * a change. Each answer also refreshes the name and roles the navbar shows.
 */
import { call } from '$lib/api';
import { session } from '$lib/session.svelte';
import { remember } from './session';
import { identity } from './client';

export type Me = Awaited<ReturnType<typeof load>>;

async function load() {
  const me = await call(identity.me.$get());
  remember({ name: me.profile?.name ?? session.user?.name ?? '', roles: [...new Set(me.assignments.map((a) => a.role))] });
  return me;
}

let once: ReturnType<typeof load> | undefined;

export function loadMe(fresh = false) {
  if (fresh) once = undefined;
  once ??= load().catch((err: unknown) => {
    once = undefined;
    throw err;
  });
  return once;
}
