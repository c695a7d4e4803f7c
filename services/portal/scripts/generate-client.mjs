// Generates the portal's API types from the OpenAPI document the gateway serves: the gateway's
// own builder writes it (no running gateway needed), openapi-typescript turns it into
// src/lib/api/generated/schema.d.ts. Nothing here is committed; a change of the API that breaks
// the portal fails the type check that follows.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const here = path.dirname(fileURLToPath(import.meta.url));
const portal = path.resolve(here, '..');
const emitter = path.resolve(portal, '../gateway/dist/openapi/emit.js');
const out = path.join(portal, 'src/lib/api/generated');
const documentFile = path.join(out, 'openapi.json');

if (!fs.existsSync(emitter)) {
  console.error(`portal: ${path.relative(process.cwd(), emitter)} is missing; build the gateway first (npm run build at the repository root).`);
  process.exit(1);
}
fs.mkdirSync(out, { recursive: true });
const emitted = spawnSync(process.execPath, [emitter, documentFile], { stdio: 'inherit' });
if (emitted.status !== 0) process.exit(emitted.status ?? 1);

const ast = await openapiTS(pathToFileURL(documentFile));
const header = '// Generated from the gateway\'s OpenAPI document by scripts/generate-client.mjs. Do not edit.\n';
fs.writeFileSync(path.join(out, 'schema.d.ts'), header + astToString(ast));
console.log(`portal: API types generated from ${Object.keys(JSON.parse(fs.readFileSync(documentFile, 'utf8')).paths).length} paths`);
