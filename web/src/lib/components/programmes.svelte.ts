import type { Programme } from '$functions/catalogue/api';
import { programmes } from '$lib/api';

/**
 * The programmes as state that fills in when they arrive, so a page shows at once with a
 * loading line instead of waiting (cheaper in the bundle than an {#await} block).
 */
export function programmesState() {
  const state = $state<{ list?: Programme[]; failure?: string }>({});
  programmes().then(
    (list) => (state.list = list),
    (err: unknown) => (state.failure = (err as Error).message),
  );
  return state;
}
