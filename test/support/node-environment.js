/**
 * Jest's Node environment, with one thing shared by the test files a worker runs: the web app's built
 * server renderer (dist/web/.server/render.cjs: React and Ant Design under it). Required into every test
 * file's module registry, it cost each file that starts the service about half a second of CPU; here Node
 * loads it once per worker, as a running service loads it once for all the requests it renders. The files
 * get it through ./shared-web-renderer.js (jest.config.js maps the build's path there); a renderer of
 * another directory (WEB_DIST_DIR) is required as before. Plain CommonJS: it runs in the worker, not a test.
 */
const { statSync } = require('node:fs');
const { dirname, join, sep } = require('node:path');
const { TestEnvironment } = require('jest-environment-node');

const RENDERER = join(__dirname, '..', '..', 'dist', 'web', '.server', 'render.cjs');
let loaded;

/** The build's renderer, loaded again when the build changes under a running worker (a web suite rebuilt it). */
function sharedWebRenderer() {
  const { mtimeMs } = statSync(RENDERER);
  if (loaded?.mtimeMs !== mtimeMs) {
    const chunks = dirname(RENDERER) + sep;
    for (const file of Object.keys(require.cache)) if (file.startsWith(chunks)) delete require.cache[file];
    const renderer = require(RENDERER);
    loaded = {
      mtimeMs,
      renderer: {
        renders: (path) => renderer.renders(path),
        // The state is JSON (the path, the language, the API's answers): copied into the renderer's own realm,
        // so that it sees plain objects of its own, as in the service, not a test context's.
        renderOpening: (state) => renderer.renderOpening(JSON.parse(JSON.stringify(state))),
        warmUp: () => renderer.warmUp(),
      },
    };
  }
  return loaded.renderer;
}

class NodeEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__familyLedgerWebRenderer = sharedWebRenderer;
  }
}

module.exports = NodeEnvironment;
module.exports.RENDERER = RENDERER;
