import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

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
  build: { target: 'es2022', reportCompressedSize: true },
});
