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
 * beyond those index.html loads, for the server to name in the page it serves (preload, modulepreload). A dot
 * file: express.static does not serve it.
 */
function openingManifest(): Plugin {
  return {
    name: 'opening-manifest',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const closure = (file: string, into = new Set<string>()): Set<string> => {
        if (into.has(file)) return into;
        into.add(file);
        byFile.get(file)?.imports.forEach((imported) => closure(imported, into));
        return into;
      };
      const chunkOf = (source: string) => {
        const chunk = chunks.find((candidate) => candidate.facadeModuleId?.endsWith(`/src/${source}.tsx`));
        if (!chunk) throw new Error(`${source} is not a chunk of the build`);
        return chunk.fileName;
      };
      // What index.html loads already: the entry, and the app's start (preloadStart), with what they import.
      const loaded = new Set<string>();
      chunks.filter((chunk) => chunk.isEntry).forEach((entry) => closure(entry.fileName, loaded));
      closure(chunkOf('start'), loaded);
      const modulesOf = (page: string) =>
        [...closure(chunkOf(`pages/${page}`))].filter((file) => !loaded.has(file)).map((file) => `/${file}`);
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
/**
 * The app's start (src/start.tsx), which the entry imports (at once, or once a rendered page is drawn), named
 * in index.html as a module to load beside the entry, so that no page waits for the entry to ask for it.
 */
function preloadStart(): Plugin {
  return {
    name: 'preload-start',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) => {
        const start = Object.values(context.bundle ?? {}).find(
          (file) => file.type === 'chunk' && file.facadeModuleId?.endsWith('/src/start.tsx'),
        );
        return start
          ? [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${start.fileName}` }, injectTo: 'head' }]
          : [];
      },
    },
  };
}

export default defineConfig(({ isSsrBuild }) => ({
  root: here,
  plugins: [antdStaticStyles(), ...(isSsrBuild ? [] : [openingManifest(), preloadStart()])],
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
