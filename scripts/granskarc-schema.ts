import { granskarcSchema } from '../server/src/profiles/schema.ts';
import { RULES } from '../server/src/rules/index.ts';

/** The schema file's text: the schema of the registry's rules and the profile tables, in Swedish. */
export function granskarcSchemaText(): string {
  return `${JSON.stringify(granskarcSchema(RULES.map((r) => ({ id: r.id, description: r.description.sv }))), null, 2)}\n`;
}
