/**
 * The refusals the web app names in words (apps/web/src/i18n/problems.ts) are codes the API answers: a code
 * renamed or retired on the server would leave its words unused and the user with the API's English again.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { problemsZhCN } from '@apps/web/src/i18n/problems';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

const root = join(__dirname, '..', '..');
const server = [...sources(join(root, 'libs')), ...sources(join(root, 'apps', 'api', 'src'))]
  .map((path) => readFileSync(path, 'utf8'))
  .join('\n');
const codes = Object.keys(problemsZhCN).map((key) => key.slice('problem.'.length));

describe('the refusals the web app names in words', () => {
  it.each(codes)('%s is a code the server answers with', (code) => {
    expect(server.includes(`'${code}'`)).toBe(true);
  });
});
