/**
 * Hostile and very large inputs (issue 17 and issue 16 item 12), one generator per row of
 * the table. Tests call them at small sizes and assert bounded work; `npm run bench`
 * calls them at full size and times them. `scale` is 1 for the full size.
 */

const FRONT = '---\ntyp: granskningsrapport\nkommun: Exempelby kommun\ntitel: T\ndatum: 2023-12-15\nstatus: utkast\nrevisionsbyrå: PwC\nförfattare: [A B]\ngranskade: [kommunstyrelsen]\n---\n\n';

export interface HostileCase {
  id: string;
  /** What the row is, as the table names it. */
  title: string;
  make(scale: number): string;
}

const n = (full: number, scale: number) => Math.max(1, Math.round(full * scale));

export const HOSTILE: HostileCase[] = [
  { id: 'ordered-nesting', title: '`1. ` × 10 000 (nästlad numrerad lista)', make: (s) => '1. '.repeat(n(10_000, s)) + 'x\n' },
  { id: 'mixed-nesting', title: '`> - 1. ` × 10 000', make: (s) => '> - 1. '.repeat(n(10_000, s)) + 'x\n' },
  { id: 'bullet-nesting', title: '`- ` × 100 000', make: (s) => '- '.repeat(n(100_000, s)) + 'x\n' },
  { id: 'indentation', title: '600 nivåers indrag', make: (s) => Array.from({ length: n(600, s) }, (_, i) => ' '.repeat(2 * i) + '- x').join('\n') + '\n' },
  { id: 'spaces-line', title: '100 000 mellanslag och ett `x` på en rad', make: (s) => ' '.repeat(n(100_000, s)) + 'x\n' },
  { id: 'dashes-line', title: '100 000 bindestreck på en rad', make: (s) => 'a\n' + '-'.repeat(n(100_000, s)) + ' x\n' },
  {
    id: 'references-paragraph',
    title: '20 000 beslutsreferenser i ett stycke',
    make: (s) => FRONT + '# Inledning\n\n' + 'KF § 1/2015-02-23 KF §2/2015-2-3 '.repeat(n(10_000, s)) + '\n',
  },
  {
    id: 'references-footnote',
    title: '20 000 beslutsreferenser i en fotnot',
    make: (s) => FRONT + '# Inledning\n\nText.[^1]\n\n[^1]: ' + 'KF § 1/2015-02-23 KF §2/2015-2-3 '.repeat(n(10_000, s)) + '\n',
  },
  {
    id: 'duplicate-kontrollmal',
    title: '1 000 rubriker `## Kontrollmål 1`',
    make: (s) => FRONT + '# Iakttagelser och bedömningar\n\n' + '## Kontrollmål 1: Fråga?\n\n'.repeat(n(1_000, s)),
  },
  {
    id: 'yaml-aliases',
    title: '21 KB YAML-alias i frontmattern',
    make: (s) => {
      const lines = ['---', 'typ: granskningsrapport', 'a0: &a0 [x, x, x, x, x, x, x, x, x]'];
      const count = n(1_000, s);
      for (let i = 1; i < count; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}]`);
      return lines.join('\n') + '\n---\n\n# Inledning\n';
    },
  },
  {
    id: 'frontmatter-keys',
    title: '30 000 nycklar i frontmattern',
    make: (s) => '---\ntyp: granskningsrapport\n' + Array.from({ length: n(30_000, s) }, (_, i) => `nyckel${i}: v`).join('\n') + '\n---\n\n# Inledning\n',
  },
  { id: 'emphasis', title: '`*a` × 40 000', make: (s) => '*a'.repeat(n(40_000, s)) + '\n' },
  {
    id: 'undefined-footnotes',
    title: '30 000 odefinierade `[^u]`',
    make: (s) => FRONT + '# Inledning\n\n' + 'Text[^u] '.repeat(n(30_000, s)) + '\n',
  },
  { id: 'table-row', title: 'en tabellrad på 1 MB', make: (s) => '| a | b |\n| - | - |\n| ' + 'x | '.repeat(n(250_000, s)) + '\n' },
  {
    id: 'many-diagnostics',
    title: 'ett dokument på 1 MB med många fel',
    make: (s) => FRONT + '# Inledning\n\n' + 'Se KF §2/2015-2-3 och[^u].\n\n'.repeat(n(36_000, s)),
  },
  {
    id: 'long-grade',
    title: 'en grad på 20 000 tecken',
    make: (s) => FRONT + '# Iakttagelser och bedömningar\n\n## Kontrollmål 1: Fråga?\n\n### Iakttagelser\n\nText.\n\n### Bedömning: ' + 'Delvis '.repeat(n(2_900, s)) + '\n\nText.\n',
  },
];
