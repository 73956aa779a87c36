/**
 * The refusals the web app names in words (apps/web/src/i18n/problems.ts) are exactly the codes the API answers:
 * a server code left unnamed would show the user the API's English, and a code renamed or retired on the
 * server would leave its words unused. The server's codes are read from its source (support/server-problem-codes.ts).
 */
import { problemAreas, problemsEn, problemsZhCN } from '@apps/web/src/i18n/problems';
import { serverProblemCodes } from './support/server-problem-codes';

/**
 * Codes no page of the web app can meet, each with why: the routes that answer them are for machines, and the
 * web app (a cookie session, apps/web/src/api) never calls them. A page that starts to call one names its codes.
 */
const NOT_FOR_PAGES: Record<string, string> = {
  // Bearer tokens only: the web app signs in with the session cookie and sends no Authorization header.
  'invalid-token': 'a malformed, expired or untrusted bearer token',
  'auth-keys-unavailable': "the bearer tokens' signing keys (JWKS) cannot be fetched",
  // The event feed and its consumer groups (GET /feed, /consumer-groups): subscribers' routes.
  'invalid-query': 'a malformed feed or consumer-group query',
  'invalid-group-name': 'a malformed consumer-group name',
  // The published event schemas (GET /schemas/...): for integrators.
  'event-schema-not-found': 'no published schema of that event type and version',
  // A witness cosigning a checkpoint (POST /audit/checkpoints/.../cosignatures): the witness role's route.
  'cosignature-rejected': "a witness's cosignature that does not verify",
  'checkpoint-without-note': 'a checkpoint signed before checkpoints were notes, offered for cosigning',
  // `http-${status}`: Nest's own HttpExceptions (an unknown method, say) that no route of the API throws on purpose;
  // ProblemAlert says 403 and 404 in words by status.
  'http-<status>': "Nest's own refusals, by status",
};

const server = serverProblemCodes();
const named = new Set(Object.keys(problemsZhCN).map((key) => key.slice('problem.'.length)));
const serverCodes = [...server.codes.keys()].sort();

describe('the refusals the web app names in words', () => {
  it('reads every code argument of the server, leaving none it cannot resolve', () => {
    expect(server.unresolved).toEqual([]);
  });

  it('finds the codes of each way the server makes them', () => {
    // A rule in a decider, a ProblemException, a check helper's code parameter, a carrier error's code type, the
    // HTTP parser's tuples and the health check's hand-written problem: the collector is not silently blind.
    for (const code of ['household-withdrawn', 'csrf-token-invalid', 'invalid-category', 'log-empty', 'request-timeout', 'unavailable'])
      expect(serverCodes).toContain(code);
    expect(serverCodes.length).toBeGreaterThan(150);
  });

  it.each(serverCodes.filter((code) => !(code in NOT_FOR_PAGES)))('names %s, a code the server answers with', (code) => {
    expect(named.has(code) ? code : `${code} (unnamed; answered at ${server.codes.get(code)!.join(', ')})`).toBe(code);
  });

  it.each([...named])('%s is a code the server answers with', (code) => {
    expect(server.codes.has(code) ? code : `${code} (named, but the server never answers it)`).toBe(code);
  });

  it('keeps in the allow-list only codes the server answers and the web app does not name', () => {
    for (const code of Object.keys(NOT_FOR_PAGES)) {
      expect(server.codes.has(code) ? code : `${code} (no longer a server code)`).toBe(code);
      expect(named.has(code) ? `${code} (named: drop it from the allow-list)` : code).toBe(code);
    }
  });

  it('names each code once, in both languages', () => {
    const keys = problemAreas.flatMap((area) => Object.keys(area));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
    expect(Object.keys(problemsEn).sort()).toEqual(Object.keys(problemsZhCN).sort());
    for (const [key, words] of [...Object.entries(problemsZhCN), ...Object.entries(problemsEn)])
      expect([key, words.trim()]).not.toEqual([key, '']);
  });
});
