import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

/**
 * What every page needs: framework, page furniture, API client, i18n, the signed-in store.
 * Svelte's runtime is captured whole, so the pages avoid features only they would use:
 * the forms write `value` + an event handler rather than `bind:value` (the binding runtime
 * would add ~1.5 kB to every catalogue page; measured by tests/e2e/page-weight.test.ts).
 * The root layout and error page (routes/+layout.*, +error.svelte) are in it too: every page
 * loads them, and as their own tiny chunks (Kit's nodes 0 and 1) they cost ~220 bytes more.
 * A separate chunk costs ~150-300 bytes gzip beyond its content (its own compression context,
 * its import and export lines): a small module shared by two pages costs each of them that.
 * Not the masthead's explanation (MastheadPanel.svelte), which loads when "Kenal pasti begini"
 * is first wanted, nor the error view (ErrorView.svelte), which loads when an error is shown.
 */
const shared = /web\/src\/(lib\/[\w.]+\.ts|lib\/layout\/(?!MastheadPanel|ErrorView)|routes\/\+(layout|error)\.|app\.css)|node_modules\/(hono|svelte|@sveltejs\/kit)\//;

/**
 * What the signed-in pages share ($lib/auth, $lib/identity): one chunk and one stylesheet
 * rather than a dozen small ones, so the route manifest every page downloads names fewer
 * files. Not the OpenID client ($lib/auth/oidc, with oauth4webapi): pages rarely need it; nor
 * the account menu and the role table (`account`, `roles` below), which load on their own.
 */
const signedIn = /web\/src\/lib\/(auth\/(?!oidc|home|AccountMenu)|identity\/)/;

/**
 * What any signed-in page loads whatever it shows: the navbar's account button (its styles are
 * the navbar's) and the tokens with the bearer fetch. The menu itself (AccountMenu.svelte, its
 * labels, signing out, the role pages and their access rules) loads on its first open. Apart
 * from the rest of `signedIn` (forms, the organisation tree, pages.css), so a light signed-in
 * page (the lesson player, 50 kB budget) does not download the identity pages' code and styles.
 */
const account = /web\/src\/lib\/auth\/(Account\.svelte|tokens|session)/;

/**
 * Who may open which page: the access rules (functions/core/access) and the role pages'
 * table ($lib/auth/home). One small chunk, loaded by the account menu on its first open, at the
 * end of a sign-in, and by the pages that check a role (coordinator, reports, a user's page):
 * not part of `account`, which every signed-in page loads on arrival.
 */
const roles = /web\/src\/lib\/auth\/home|functions\/core\/access/;

/**
 * The /belajar route (one catch-all whose views load on demand) with the learner's API client
 * that every view uses: one chunk, not the route plus a client file under 1 kB (CloudFront
 * compresses from 1,000 bytes: smaller files travel as they are).
 */
const belajar = /web\/src\/(lib\/learning\/client|routes\/belajar\/\[\.\.\.path\]\/\+page)/;

export default defineConfig({
  plugins: [sveltekit()],
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
    // The preload lists (Kit's route manifest, which every page downloads, and each dynamic
    // import) name stylesheets only: a page's own chunks arrive by its imports, one round trip
    // later, and the lists shrink by ~0.35 kB on every page. Stylesheets stay listed, so a view
    // never shows unstyled.
    modulePreload: { resolveDependencies: (_file, deps) => deps.filter((d) => d.endsWith('.css')) },
    rolldownOptions: {
      output: {
        // What every page needs (framework, page furniture, API client, i18n) in one chunk:
        // it compresses better than a dozen small ones. Components of some pages and each
        // language's strings stay apart, so a page downloads only what it shows.
        codeSplitting: {
          groups: [
            { name: 'app', test: shared },
            { name: 'account', test: account },
            { name: 'roles', test: roles },
            { name: 'belajar', test: belajar },
            { name: 'signed-in', test: signedIn },
          ],
        },
      },
    },
  },
});
