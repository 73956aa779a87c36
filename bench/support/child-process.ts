/**
 * A bench's part run in a node process of its own (the rebuild, a feed consumer): forked from the same build
 * (dist's .js, or the TypeScript sources through the register hook), handed its request as its argument, and
 * answering its figures, or an error, over the IPC channel.
 */
import { fork } from 'node:child_process';
import { extname, join } from 'node:path';

/** Forks `module` (a path without extension, beside the caller's build) and resolves with what it answers. */
export function runInChild<Figures>(module: string, request: unknown, nodeFlags: readonly string[] = []): Promise<Figures> {
  const extension = extname(__filename);
  const execArgv = extension === '.ts' ? ['-r', join(__dirname, '../../scripts/projections/register.js')] : [];
  const child = fork(`${module}${extension}`, [JSON.stringify(request)], { execArgv: [...execArgv, ...nodeFlags], stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { figures?: Figures; error?: string }) =>
      message.figures ? resolve(message.figures) : reject(new Error(message.error)),
    );
    child.once('exit', (code) => reject(new Error(`${module} exited with ${code}`)));
  });
}

/** In the child: the request, and `work`'s figures (or its error) sent back to the parent; then the channel closed. */
export async function answerParent<Request, Figures>(work: (request: Request) => Promise<Figures>): Promise<void> {
  let answer: { figures?: Figures; error?: string };
  try {
    answer = { figures: await work(JSON.parse(process.argv[2]) as Request) };
  } catch (error) {
    answer = { error: String((error as Error)?.stack ?? error) };
  }
  process.send!(answer, () => process.disconnect());
}
