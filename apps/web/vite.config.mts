/**
 * Builds the web app into dist/web, which the API serves at `/` (hashed assets under /assets/).
 * JSX goes through Vite's own transform (automatic runtime): @vitejs/plugin-react pulls Babel 8, which
 * clashes with jest's Babel 7 in the same tree, and this app needs no Fast Refresh to be built.
 */
import { defineConfig, Plugin } from 'vite';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { antdStyleSheet } from './antd-styles.mts';
import { OPENING_ROUTES } from './src/opening-reads.mts';

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

/**
 * dist/web/.opening.json: each opening route's reads (src/opening-reads.ts) and the script files of its page
 * beyond the entry's own, for the server to name in the page it serves (preload, modulepreload). A dot
 * file: express.static does not serve it.
 */
function openingManifest(): Plugin {
  return {
    name: 'opening-manifest',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const loaded = new Set(chunks.filter((chunk) => chunk.isEntry).flatMap((entry) => [entry.fileName, ...entry.imports]));
      const modulesOf = (page: string) => {
        const found = new Set<string>();
        const visit = (file: string) => {
          if (found.has(file) || loaded.has(file)) return;
          found.add(file);
          byFile.get(file)?.imports.forEach(visit);
        };
        const chunk = chunks.find((candidate) => candidate.facadeModuleId?.endsWith(`/src/pages/${page}.tsx`));
        if (!chunk) throw new Error(`opening route's page ${page} is not a chunk of the build`);
        visit(chunk.fileName);
        return [...found].map((file) => `/${file}`);
      };
      const routes = OPENING_ROUTES.map(({ path, page, reads }) => ({ path, reads, modules: modulesOf(page) }));
      this.emitFile({ type: 'asset', fileName: '.opening.json', source: `${JSON.stringify({ routes }, null, 2)}\n` });
    },
  };
}

const outDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * Two builds (scripts/web/build-web.js): the browser's app into dist/web, then (`--ssr`) the server's render
 * of a page's opening (src/opening/render.tsx) into dist/web/.server/render.cjs, CommonJS for the API to
 * require; a dot directory, so express.static never serves it. React, Ant Design and the rest stay
 * packages the server requires from node_modules.
 */
export default defineConfig(({ isSsrBuild }) => ({
  root: here,
  plugins: [antdStaticStyles(), ...(isSsrBuild ? [] : [openingManifest()])],
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: isSsrBuild ? join(outDir, '.server') : outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      ...(isSsrBuild ? { output: { format: 'cjs', entryFileNames: 'render.cjs', chunkFileNames: '[name]-[hash].cjs' } } : {}),
      // Ant Design marks its modules "use client" for React Server Components; meaningless in a browser bundle.
      // The server's render imports the opening page itself, which the browser's app loads on demand.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE' && warning.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') warn(warning);
      },
    },
  },
  server: { proxy: { '^/(?!app|@|src|node_modules|assets).*': 'http://127.0.0.1:3000' } },
}));
