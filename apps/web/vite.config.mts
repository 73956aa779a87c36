/**
 * Builds the web app into dist/web, which the API serves at `/` (hashed assets under /assets/).
 * JSX goes through Vite's own transform (automatic runtime): @vitejs/plugin-react pulls Babel 8, which
 * clashes with jest's Babel 7 in the same tree, and this app needs no Fast Refresh to be built.
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      // Ant Design marks its modules "use client" for React Server Components; meaningless in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '^/(?!app|@|src|node_modules|assets).*': 'http://127.0.0.1:3000' } },
});
