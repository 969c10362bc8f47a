import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * A static single-page app: CloudFront serves web/build and answers unknown paths with
 * 200.html, the SPA shell; /api/* goes to API Gateway on the same origin.
 * @type {import('@sveltejs/kit').Config}
 */
const config = {
  preprocess: vitePreprocess(),
  // No `window.__svelte.v` version marker: bytes on every page for nobody's benefit.
  compilerOptions: { discloseVersion: false },
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', precompress: false, strict: true }),
    alias: {
      // Type-only imports of the API's contract (routes, schemas); nothing from it is bundled.
      $functions: '../functions',
    },
    typescript: {
      config(tsconfig) {
        // Type-check the API contract the client imports (and, through it, what it imports).
        // Paths here are relative to web/.svelte-kit/.
        tsconfig.include.push('../../functions/catalogue/routes.ts', '../../functions/catalogue/api.ts');
        return tsconfig;
      },
    },
  },
};

export default config;
