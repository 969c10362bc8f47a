import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vite';

/**
 * hono/client imports a cookie serializer for its `cookie` request option. The web never
 * uses that option (the browser sends its own cookies), and the serializer is 1.5 kB of
 * the 50 kB page budget: swap it for a stub that fails loudly if anyone starts using it.
 */
function honoClientWithoutCookieOption(): Plugin {
  const stub = '\0hono-client-cookie-stub';
  return {
    name: 'latih:hono-client-without-cookie-option',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === '../utils/cookie.js' && importer?.replace(/\\/g, '/').includes('/hono/dist/client/')) return stub;
      return null;
    },
    load(id) {
      if (id !== stub) return null;
      return `export const serialize = () => { throw new Error('hc cookie option is not supported in the web client'); };`;
    },
  };
}

export default defineConfig({
  plugins: [honoClientWithoutCookieOption(), sveltekit()],
  define: {
    // Shown in the footer as "Kemaskini terakhir / Last updated": the day this build was made.
    __LAST_UPDATED__: JSON.stringify(new Date().toISOString().slice(0, 10)),
  },
  server: {
    // `npm run web:dev` alone: the API from `npm start` (or any local API) on port 3001.
    proxy: { '/api': { target: process.env.LATIH_API ?? 'http://127.0.0.1:3001', changeOrigin: false } },
  },
  build: {
    target: 'es2022',
    // SOURCEMAP=1 npm run web:build: maps to see what each chunk is made of.
    sourcemap: !!process.env.SOURCEMAP,
    rolldownOptions: {
      output: {
        // What every page needs (framework, page furniture, API client, i18n) in one chunk:
        // it compresses better than a dozen small ones. Components of some pages and each
        // language's strings stay apart, so a page downloads only what it shows.
        codeSplitting: {
          groups: [{ name: 'app', test: /web\/src\/(lib\/[\w.]+\.ts|lib\/layout\/|app\.css)|node_modules\/(hono|svelte|@sveltejs\/kit)\// }],
        },
      },
    },
  },
});
