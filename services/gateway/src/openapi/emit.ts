import fs from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument } from './build';

// `node dist/openapi/emit.js <file>`: writes the OpenAPI document the gateway serves (see build.ts).
const target = process.argv[2];
if (!target) {
  process.stderr.write('usage: node dist/openapi/emit.js <file.json>\n');
  process.exit(2);
}
fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
fs.writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
