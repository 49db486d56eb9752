import { RULES } from '../server/src/rules/index.ts';
import type { Rule } from '../server/src/rules/rule.ts';

/**
 * Renders docs/regler from the rule registry, so that the pages cannot drift from the
 * rules: `npm run docs` writes them and a test fails when a committed page differs.
 */

const LEVEL: Record<string, string> = { error: 'fel', warning: 'varning', info: 'info', off: 'avstängd' };

function fence(text: string): string {
  return ['```markdown', text, '```'].join('\n');
}

export function renderRulePage(rule: Rule): string {
  return `<!-- Genererad från regelregistret med \`npm run docs\`. Ändra i server/src/rules/${rule.id}.ts. -->

# ${rule.id}

${rule.description.sv}

**Standardnivå:** ${LEVEL[rule.severity]} · **Kod i diagnoser:** \`${rule.id}\` · **Engelska:** ${rule.description.en}

## Varför det spelar roll

${rule.docs.why.sv}

## Exempel som ger diagnosen

${fence(rule.docs.bad)}

## Rättat

${fence(rule.docs.good)}

## Ändra eller stänga av

I \`.granskarc.json\`:

\`\`\`json
{ "regler": { "${rule.id}": "${rule.severity === 'off' ? 'warning' : 'off'}" } }
\`\`\`

För ett enstaka ställe i dokumentet: \`<!-- granska-disable-next-line ${rule.id} -->\` på raden före.
${rule.severity === 'warning' ? '\nI en rapport med `status: slutlig` rapporteras varningen som fel.\n' : ''}`;
}

export function renderIndex(): string {
  const rows = RULES.map((r) => `| [\`${r.id}\`](${r.id}.md) | ${LEVEL[r.severity]} | ${r.description.sv} |`).join('\n');
  return `<!-- Genererad från regelregistret med \`npm run docs\`. -->

# Regler

Varje diagnos från Granska har en kod: regelns id. Nivån kan ändras i \`.granskarc.json\`
(\`off\`, \`info\`, \`warning\`, \`error\`), och i en rapport med \`status: slutlig\` räknas
varningar som fel.

| regel | standardnivå | kontrollerar |
| --- | --- | --- |
${rows}

Två koder kommer inte från regler och kan inte stängas av:

| kod | nivå | betyder |
| --- | --- | --- |
| \`konfiguration\` | fel | \`.granskarc.json\` är ogiltig; felet visas i den filen. Giltiga delar gäller ändå. |
| \`tolkning\` | varning | En del av texten kunde inte tolkas som skriven, t.ex. hundratals nästlade citat- eller listnivåer. |
`;
}

export function renderAll(): Map<string, string> {
  const files = new Map<string, string>();
  files.set('README.md', renderIndex());
  for (const r of RULES) files.set(`${r.id}.md`, renderRulePage(r));
  return files;
}
