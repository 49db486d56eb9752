import * as fs from 'node:fs';
import * as path from 'node:path';
import { granskarcSchemaText } from './granskarc-schema.ts';

const file = path.resolve(__dirname, '..', 'schemas', 'granskarc.schema.json');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, granskarcSchemaText());
console.log(`schemas/granskarc.schema.json skriven`);
