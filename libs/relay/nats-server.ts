/**
 * A nats-server of the relay's own, for its tests: JetStream on a free port, storing under a directory
 * that survives a stop, so the test can take NATS down and bring the same server back.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** The nats-server binary (Debian's package puts it in /usr/sbin), or undefined when there is none. */
export function findNatsServer(): string | undefined {
  if (existsSync('/usr/sbin/nats-server')) return '/usr/sbin/nats-server';
  const found = spawnSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : undefined;
}

export class NatsServerProcess {
  private child?: ChildProcess;

  constructor(
    private readonly binary: string,
    readonly port: number,
    private readonly storeDir: string,
  ) {}

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(this.binary, ['-js', '-a', '127.0.0.1', '-p', String(this.port), '-sd', this.storeDir], { stdio: 'ignore' });
    for (let i = 0; i < 200; i += 1) {
      if (await accepts(this.port)) return;
      if (this.child.exitCode !== null) throw new Error(`nats-server exited with ${this.child.exitCode}`);
      await sleep(50);
    }
    throw new Error('nats-server did not start');
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    this.child = undefined;
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
