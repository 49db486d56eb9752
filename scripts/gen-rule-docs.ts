import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderAll } from './rule-docs.ts';

const dir = path.resolve(__dirname, '..', 'docs', 'regler');
fs.mkdirSync(dir, { recursive: true });
for (const [name, content] of renderAll()) fs.writeFileSync(path.join(dir, name), content);
console.log(`docs/regler: ${renderAll().size} sidor skrivna`);
