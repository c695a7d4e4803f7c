#!/usr/bin/env node
// `node infra/runtime/run.mjs <command> [args…]` runs a command on the project's Node (see
// node.mjs): the machine's when it satisfies `engines`, else the pinned one from the npm
// registry, put first on the command's PATH. It says once which Node that is and why.
// `node infra/runtime/run.mjs --env` prints the shell lines that put it first on PATH (for .ci/run:
// `eval "$(node infra/runtime/run.mjs --env)"`).
//
// Signals reach the command; its exit code is ours.

import { spawn } from 'node:child_process';
import { ensureRuntime, runtimeEnv } from './node.mjs';

const args = process.argv.slice(2);
const say = (line) => console.error(`azotte: ${line}`);

let runtime;
try {
  runtime = ensureRuntime({ say });
} catch (err) {
  say(err.message);
  process.exit(1);
}

if (args[0] === '--env') {
  if (runtime.brought) {
    say(`using Node ${runtime.version} from ${runtime.binDir} (${runtime.reason})`);
    const quote = (value) => `'${value.replaceAll("'", "'\\''")}'`;
    const env = runtimeEnv(runtime);
    console.log(`export PATH=${quote(env.PATH)}\nexport npm_config_nodedir=${quote(env.npm_config_nodedir)}\nexport AZOTTE_NODE_ANNOUNCED=1`);
  }
  process.exit(0);
}
if (args.length === 0) {
  say('usage: node infra/runtime/run.mjs <command> [args…] | --env');
  process.exit(2);
}
if (runtime.brought && !process.env.AZOTTE_NODE_ANNOUNCED) {
  say(`running on Node ${runtime.version} from .azotte/runtime (${runtime.reason})`);
}

const child = spawn(args[0], args.slice(1), {
  stdio: 'inherit',
  env: { ...runtimeEnv(runtime), AZOTTE_NODE_ANNOUNCED: '1' },
  shell: process.platform === 'win32',
});
const forward = (signal) => child.kill(signal);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
child.on('error', (err) => {
  say(`could not run ${args[0]}: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) {
    // Die of the same signal, as a shell would report it.
    for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(name, forward);
    process.kill(process.pid, signal);
  }
  else process.exit(code ?? 1);
});
