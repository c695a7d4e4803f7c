// The Node.js runtime the project runs on: the version pinned in .nvmrc, brought from the npm
// registry (the official binaries published as `node-<platform>-<arch>`) when the machine's Node
// does not satisfy package.json's `engines`. Only node built-ins here: this runs on whatever
// Node the machine has, before anything is installed.
//
// AZOTTE_NODE chooses: `auto` (default) uses the machine's Node when it satisfies `engines`,
// else the pinned one; `pinned` always the pinned one; `system` the machine's, whatever it is;
// an exact version (`22.23.5`) that one, brought the same way (a smoke run on the other LTS).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUNTIMES = path.join(ROOT, '.azotte', 'runtime');

/** The pinned version, written once in .nvmrc (e.g. `24.22.3`). */
export function pinnedVersion() {
  const text = fs.readFileSync(path.join(ROOT, '.nvmrc'), 'utf8').trim().replace(/^v/, '');
  if (!/^\d+\.\d+\.\d+$/.test(text)) throw new Error(`.nvmrc must hold an exact version such as 24.22.3, not "${text}"`);
  return text;
}

/** package.json's `engines.node`, e.g. `^22.22.2 || >=24.15.0`. */
export function enginesRange() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines.node;
}

const parse = (version) => version.replace(/^v/, '').split('.').map(Number);
const compare = (a, b) => {
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
};

/**
 * Whether `version` satisfies `range`: alternatives joined by `||`, each `^x.y.z` (same major,
 * at least x.y.z) or `>=x.y.z`. That is all `engines` uses; anything else is refused loudly.
 */
export function satisfies(version, range) {
  const v = parse(version);
  return range.split('||').some((part) => {
    const term = part.trim();
    const caret = /^\^(\d+\.\d+\.\d+)$/.exec(term);
    if (caret) {
      const min = parse(caret[1]);
      return v[0] === min[0] && compare(v, min) >= 0;
    }
    const atLeast = /^>=\s*(\d+\.\d+\.\d+)$/.exec(term);
    if (atLeast) return compare(v, parse(atLeast[1])) >= 0;
    throw new Error(`engines.node term "${term}" is not understood by infra/runtime/node.mjs (use ^x.y.z or >=x.y.z)`);
  });
}

/** The registry package carrying the official Node binary for this machine. */
export function binaryPackage(version = pinnedVersion()) {
  const platform = { linux: 'linux', darwin: 'darwin', win32: 'win' }[process.platform];
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  if (!platform || !arch) throw new Error(`no Node binary package is published for ${process.platform}-${process.arch}; install Node ${version} yourself`);
  return `node-${platform}-${arch}@${version}`;
}

/** Where the pinned runtime lives once brought: `<dir>/bin/node` (`<dir>/node.exe` on Windows). */
export function runtimeDir(version = pinnedVersion()) {
  return path.join(RUNTIMES, `node-v${version}-${process.platform}-${process.arch}`);
}

const binDir = (dir) => (process.platform === 'win32' ? dir : path.join(dir, 'bin'));
const nodeIn = (dir) => path.join(binDir(dir), process.platform === 'win32' ? 'node.exe' : 'node');

function versionOf(nodePath) {
  const result = spawnSync(nodePath, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim().replace(/^v/, '') : undefined;
}

/**
 * Fetches the pinned Node from the npm registry into .azotte/runtime: `npm pack` (the registry
 * and cache npm is configured with, its integrity check) and `tar`. Extracted beside its final
 * place and renamed into it, so an interrupted fetch never leaves a half runtime behind.
 */
function bring(version, say) {
  const dir = runtimeDir(version);
  const spec = binaryPackage(version);
  say(`bringing Node ${version} from the npm registry (${spec}) into ${path.relative(ROOT, dir)}`);
  fs.mkdirSync(RUNTIMES, { recursive: true });
  const work = fs.mkdtempSync(path.join(RUNTIMES, '.fetch-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const packed = spawnSync(npm, ['pack', spec, '--pack-destination', work, '--json', '--silent'], { encoding: 'utf8', shell: process.platform === 'win32' });
    if (packed.status !== 0) throw new Error(`npm pack ${spec} failed:\n${packed.stderr || packed.stdout}`);
    const [{ filename }] = JSON.parse(packed.stdout);
    const extracted = spawnSync('tar', ['-xzf', path.join(work, path.basename(filename)), '-C', work], { encoding: 'utf8' });
    if (extracted.status !== 0) throw new Error(`tar could not unpack ${filename}:\n${extracted.stderr}`);
    const got = versionOf(nodeIn(path.join(work, 'package')));
    if (got !== version) throw new Error(`${spec} unpacked a node that reports ${got ?? 'nothing'}, not ${version}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(path.join(work, 'package'), dir);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return dir;
}

/**
 * The Node to run the project on. `{ nodePath, version, brought, binDir, includeDir, reason }`:
 * `brought` when it is one from the registry rather than the one running this script, and why.
 */
export function ensureRuntime({ say = (line) => console.error(line), env = process.env } = {}) {
  const mode = env.AZOTTE_NODE || 'auto';
  const exact = /^\d+\.\d+\.\d+$/.test(mode);
  if (!exact && !['auto', 'pinned', 'system'].includes(mode)) throw new Error(`AZOTTE_NODE must be auto, pinned, system or a version such as 22.23.5, not "${mode}"`);
  if (exact && !satisfies(mode, enginesRange())) throw new Error(`AZOTTE_NODE=${mode} does not satisfy engines (${enginesRange()})`);
  const current = process.versions.node;
  const version = exact ? mode : pinnedVersion();
  const useCurrent = mode === 'system' || (mode === 'auto' && satisfies(current, enginesRange())) || current === version;
  if (useCurrent) return { nodePath: process.execPath, version: current, brought: false, binDir: path.dirname(process.execPath) };
  const dir = runtimeDir(version);
  const ready = fs.existsSync(nodeIn(dir)) && versionOf(nodeIn(dir)) === version ? dir : bring(version, say);
  const reason = mode === 'auto' ? `the machine's Node ${process.version} does not satisfy engines ${enginesRange()}` : `AZOTTE_NODE=${mode}`;
  return { nodePath: nodeIn(ready), version, brought: true, binDir: binDir(ready), includeDir: ready, reason };
}

/**
 * The environment for children run on `runtime`: its bin first on PATH (so `node`, and npm's
 * `#!/usr/bin/env node`, are the runtime), and node-gyp pointed at its headers (the registry
 * package carries them, so native addons build without a download).
 */
export function runtimeEnv(runtime, env = process.env) {
  if (!runtime.brought) return { ...env };
  const key = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  return { ...env, [key]: `${runtime.binDir}${path.delimiter}${env[key] ?? ''}`, npm_config_nodedir: runtime.includeDir };
}
