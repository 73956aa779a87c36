/** The build's server renderer as the worker loaded it (./node-environment.js): what `require(render.cjs)` gives a test file. */
module.exports = globalThis.__familyLedgerWebRenderer();
