import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtFile } from './built-file';

describe('a file of the build, kept while unchanged', () => {
  const dir = mkdtempSync(join(tmpdir(), 'built-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers the file, then a rewritten file as soon as it changes', async () => {
    const path = join(dir, 'index.html');
    writeFileSync(path, 'first');
    const read = builtFile(path);
    expect(await read()).toBe('first');
    writeFileSync(path, 'second');
    utimesSync(path, new Date(), new Date(Date.now() + 5_000)); // a new build: a new modification time
    expect(await read()).toBe('second');
  });

  it('fails while the file is missing, and reads it once it is there', async () => {
    const path = join(dir, '.opening.json');
    const read = builtFile(path);
    await expect(read()).rejects.toThrow();
    writeFileSync(path, '{}');
    expect(await read()).toBe('{}');
  });
});
