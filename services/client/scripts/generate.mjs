// Generates the client's API types from the OpenAPI document the gateway serves: the gateway's
// own builder writes it (no running gateway needed), openapi-typescript turns it into
// src/generated/schema.ts. Nothing here is committed; an API change that breaks a caller fails
// the type check that follows. The file is rewritten only when it changes, so `tsc -b` stays
// incremental.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const here = path.dirname(fileURLToPath(import.meta.url));
const client = path.resolve(here, '..');
const emitter = path.resolve(client, '../gateway/dist/openapi/emit.js');
const out = path.join(client, 'src/generated');
const documentFile = path.join(out, 'openapi.json');
const schemaFile = path.join(out, 'schema.ts');

if (!fs.existsSync(emitter)) {
  console.error(`client: ${path.relative(process.cwd(), emitter)} is missing; build the gateway first (npm run build at the repository root).`);
  process.exit(1);
}
fs.mkdirSync(out, { recursive: true });
const emitted = spawnSync(process.execPath, [emitter, documentFile], { stdio: 'inherit' });
if (emitted.status !== 0) process.exit(emitted.status ?? 1);

const ast = await openapiTS(pathToFileURL(documentFile));
const header = "// Generated from the gateway's OpenAPI document by scripts/generate.mjs. Do not edit.\n";
const schema = header + astToString(ast);
const unchanged = fs.existsSync(schemaFile) && fs.readFileSync(schemaFile, 'utf8') === schema;
if (!unchanged) fs.writeFileSync(schemaFile, schema);
const count = Object.keys(JSON.parse(fs.readFileSync(documentFile, 'utf8')).paths).length;
console.log(`client: API types ${unchanged ? 'unchanged' : 'generated'} (${count} paths)`);
