import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The repository's root (this file is services/common/{src,dist}/testing/processes.*). */
export const REPOSITORY_ROOT = path.resolve(__dirname, '../../../..');

/** A built service run as its own process (`services/<name>/dist/main.js`). */
export interface ServiceProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** True until the process exits, whatever made it exit. */
  alive(): boolean;
  /** The last lines it wrote (stdout and stderr), for a failure's message. */
  logTail(): string;
  /** Sends `signal` and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** SIGTERM, and resolves once the process has exited (at once if it already had). */
  stop(): Promise<void>;
}

export interface ServiceProcessOptions {
  /** Also copy the service's stderr to ours (the benchmarks do; the fault tests keep only a tail). */
  forwardStderr?: boolean;
  /** How many characters of output `logTail()` keeps (default 8,000). */
  tailChars?: number;
}

/**
 * Starts `services/<name>/dist/main.js` (run `npm run build` first) with
 * `env` over this process's environment. It resolves at once: readiness is
 * the caller's to wait for (`brokerReady`, the gateway's `/readyz`).
 */
export function startServiceProcess(name: string, env: Record<string, string>, options: ServiceProcessOptions = {}): ServiceProcess {
  const child = spawn(process.execPath, [path.join(REPOSITORY_ROOT, 'services', name, 'dist', 'main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = options.tailChars ?? 8_000;
  let tail = '';
  const record = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-keep);
  };
  child.stdout!.on('data', record);
  child.stderr!.on('data', (chunk: Buffer) => {
    record(chunk);
    if (options.forwardStderr) process.stderr.write(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (alive()) child.kill(signal);
    await exited;
  };
  return { name, child, alive, logTail: () => tail, kill, stop: () => kill('SIGTERM') };
}
