import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOpenApiDocument } from '../src/openapi/build';
import { OPERATION_IDS } from '../src/openapi/operation-ids';

const document = buildOpenApiDocument() as { paths: Record<string, Record<string, { operationId?: string }>> };
const operations = Object.entries(document.paths).flatMap(([p, ops]) => Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${p}`, id: op.operationId })));

test('every operation has its own stable operationId, a camelCase verb and noun', () => {
  const ids = operations.map((o) => o.id);
  expect(ids.every((id) => typeof id === 'string' && /^[a-z]+[A-Za-z]*$/.test(id))).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
  // The table names nothing that no longer exists.
  expect(Object.keys(OPERATION_IDS).sort()).toEqual(operations.map((o) => o.route).sort());
});

test("the served document passes Redocly's recommended rules with no error and no warning", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-lint-'));
  const file = path.join(dir, 'openapi.json');
  fs.writeFileSync(file, JSON.stringify(document));
  const redocly = path.resolve(__dirname, '../../../node_modules/.bin/redocly');
  let output = '';
  let failed = false;
  try {
    output = execFileSync(redocly, ['lint', file, '--format', 'json', '--max-problems', '500'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    failed = true;
    output = (err as { stdout?: string }).stdout ?? String(err);
  }
  const report = JSON.parse(output.slice(output.indexOf('{'))) as { totals: { errors: number; warnings: number }; problems: Array<{ ruleId: string; message: string; location: Array<{ pointer: string }> }> };
  const problems = report.problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
  expect(problems).toEqual([]);
  expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  expect(failed).toBe(false);
  fs.rmSync(dir, { recursive: true, force: true });
});
