import type { PageLoad } from './$types';

// One page per person: nothing to prerender.
export const prerender = false;

export const load = (({ params }) => ({ id: params.id })) satisfies PageLoad;
