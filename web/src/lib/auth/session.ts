/** Writes the navbar's "who is signed in" ($lib/session.svelte.ts), for this tab. */
import { SESSION_KEY, session, type SignedIn } from '$lib/session.svelte';

export function remember(user: SignedIn | null) {
  session.user = user;
  try {
    if (user) sessionStorage.setItem(SESSION_KEY, JSON.stringify(user));
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Storage blocked: signed in for this page only.
  }
}
