/**
 * Builds the web app into dist/web, which the API serves at `/` (hashed assets under /assets/).
 * JSX goes through Vite's own transform (automatic runtime): @vitejs/plugin-react pulls Babel 8, which
 * clashes with jest's Babel 7 in the same tree, and this app needs no Fast Refresh to be built.
 */
import { defineConfig, Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { antdStyleSheet } from './antd-styles.mts';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * `import 'virtual:antd.css'` (main.tsx): Ant Design's styles rendered at build time (antd-styles.mts), so
 * the browser does not compute them. Empty under `vite serve`, whose development build hashes differently.
 */
function antdStaticStyles(): Plugin {
  const id = 'virtual:antd.css';
  let build = false;
  return {
    name: 'antd-static-styles',
    configResolved: (config) => void (build = config.command === 'build'),
    resolveId: (source) => (source === id ? id : undefined),
    load: (source) => (source === id ? (build ? antdStyleSheet() : '') : undefined),
  };
}

export default defineConfig({
  root: here,
  plugins: [antdStaticStyles()],
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
