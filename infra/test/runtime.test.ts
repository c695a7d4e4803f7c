import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// The project's runtime: one version in .nvmrc, the engines range in package.json, and
// infra/runtime bringing the pinned Node from the npm registry when the machine's is older.
const ROOT = path.resolve(__dirname, '../..');
const pinned = fs.readFileSync(path.join(ROOT, '.nvmrc'), 'utf8').trim();
const engines: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines.node;

/** Runs an ES module snippet against infra/runtime/node.mjs and returns what it prints, parsed. */
function withRuntimeModule(body: string): unknown {
  const script = `import * as runtime from ${JSON.stringify(path.join(ROOT, 'infra/runtime/node.mjs'))};\nconsole.log(JSON.stringify(await (async () => { ${body} })()));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

test('the pinned Node is a 24 LTS that satisfies the engines range, which Node 20 does not', () => {
  expect(pinned).toMatch(/^24\.\d+\.\d+$/);
  const checks = withRuntimeModule(`
    const range = runtime.enginesRange();
    return Object.fromEntries(['${pinned}', '20.20.2', '22.21.0', '22.22.2', '24.14.0', '24.15.0', '26.1.0'].map((v) => [v, runtime.satisfies(v, range)]));
  `);
  expect(checks).toEqual({ [pinned]: true, '20.20.2': false, '22.21.0': false, '22.22.2': true, '24.14.0': false, '24.15.0': true, '26.1.0': true });
});

test('the tests themselves run on a supported Node (npm test brings the pinned one where the machine has an older)', () => {
  expect(withRuntimeModule(`return runtime.satisfies(${JSON.stringify(process.versions.node)}, ${JSON.stringify(engines)})`)).toBe(true);
});

test('the container image is built on the same Node as .nvmrc names', () => {
  const dockerfile = fs.readFileSync(path.join(ROOT, 'infra/Dockerfile'), 'utf8');
  expect(dockerfile).toMatch(new RegExp(`^ARG NODE_IMAGE=node:${pinned.replaceAll('.', '\\.')}-`, 'm'));
});

test('AZOTTE_NODE=pinned runs a command on the pinned Node, first on its PATH, and says so once', () => {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'infra/runtime/run.mjs'), 'sh', '-c', 'node --version'], {
    encoding: 'utf8',
    env: { ...process.env, AZOTTE_NODE: 'pinned', AZOTTE_NODE_ANNOUNCED: '' },
    timeout: 300_000,
  });
  expect(result.status).toBe(0);
  expect(result.stdout.trim()).toBe(`v${pinned}`);
  if (process.versions.node !== pinned) expect(result.stderr).toContain(`running on Node ${pinned}`);
}, 300_000);

test('a version outside engines is refused before anything is fetched', () => {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'infra/runtime/run.mjs'), 'node', '--version'], {
    encoding: 'utf8',
    env: { ...process.env, AZOTTE_NODE: '20.20.2' },
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain(`AZOTTE_NODE=20.20.2 does not satisfy engines (${engines})`);
});

test('an unknown AZOTTE_NODE is refused in words', () => {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'infra/runtime/run.mjs'), 'node', '--version'], {
    encoding: 'utf8',
    env: { ...process.env, AZOTTE_NODE: 'latest' },
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('AZOTTE_NODE must be auto, pinned, system or a version such as 22.23.5, not "latest"');
});
