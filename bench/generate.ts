/**
 * Generates realistic granskningsrapporter of a given size, shaped like the Hultsfred
 * sample: kontrollmål with iakttagelser under sub-headings, tables of figures, footnoted
 * KF decisions, bedömning with reasoning, and recommendations. Deterministic for a seed,
 * so benchmarks and tests see the same text every run. The output lints clean.
 */

const BODIES = ['kommunstyrelsen', 'socialnämnden', 'barn- och utbildningsnämnden', 'kultur- och fritidsnämnden', 'miljö- och byggnadsnämnden'];
const TOPICS = ['asyl och integration', 'hemtjänsten', 'upphandling', 'intern kontroll', 'lokalförsörjning', 'ekonomistyrning', 'arbetsmiljö', 'digitalisering'];
const GRADES = ['Uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt'];
const SENTENCES = [
  'I intervjuerna beskrivs att uppföljningen sker i samband med delårsrapporten och årsredovisningen.',
  'Vår granskning av protokollen för åren 2017–2018 visar att notering om detta saknas.',
  'Förvaltningen har tagit fram en handlingsplan som beskriver ansvar, tidplan och finansiering.',
  'Budgetuppföljning lämnas per april, augusti och december av totalt budget jämfört med utfall.',
  'Enligt uppgift har en uppföljning av sjukfrånvaron visat att den inte har ökat inom verksamheten.',
  'Det finns ett riktmärke att varje chef inte ska ha mer än 25–30 medarbetare.',
  'Styrgruppen har haft möten med ordförande och oppositionsråd cirka två gånger per år.',
  'Medlen har uteslutande använts till rekrytering av personal för nyinrättade tjänster.',
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function generateReport(targetBytes: number, seed = 1): string {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const topic = pick(TOPICS);
  const head = `---
typ: granskningsrapport
kommun: Exempelby kommun
titel: Granskning av ${topic}
datum: 2023-12-15
status: utkast
revisionsbyrå: PwC
författare: [Caroline Liljebjörn]
granskade: [${BODIES.slice(0, 3).join(', ')}]
---

`;
  const kms: string[] = [];
  const footnotes: string[] = [];
  const grades: string[] = [];
  const texts: string[] = [];
  let size = head.length + 3000;
  let n = 0;
  while (size < targetBytes || n === 0) {
    n++;
    const grade = pick(GRADES);
    const text = `Har ${pick(BODIES)} säkerställt en ändamålsenlig styrning av ${pick(TOPICS)} (del ${n})?`;
    grades.push(grade);
    texts.push(text);
    const parts: string[] = [`## Kontrollmål ${n}: ${text}`, '', '### Iakttagelser', ''];
    // Calibrated to a real 100-page report (docs/prestanda.md): about 4.8 KB, 8 footnoted
    // decisions and one table of figures per kontrollmål.
    const sub = 3 + (rand() < 0.5 ? 1 : 0);
    const tableAt = Math.floor(rand() * sub);
    for (let s = 0; s < sub; s++) {
      parts.push(`#### ${pick(BODIES).replace(/^./, (c) => c.toUpperCase())}`, '');
      const paragraphs = 2 + (rand() < 0.5 ? 1 : 0);
      for (let p = 0; p < paragraphs; p++) {
        const sentences = [pick(SENTENCES), pick(SENTENCES), pick(SENTENCES), pick(SENTENCES)];
        if (rand() < 0.85) {
          const label = footnotes.length + 1;
          const y = 2015 + Math.floor(rand() * 8);
          footnotes.push(`[^${label}]: KF § ${1 + Math.floor(rand() * 200)}/${y}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))} — Beslut om ${pick(TOPICS)}`);
          sentences.splice(2, 0, `Kommunfullmäktige beslutade i frågan år ${y}.[^${label}]`);
        }
        parts.push(sentences.join(' '), '');
      }
      if (s === tableAt) {
        parts.push('| Förvaltning | Tkr | Tjänster |', '| --- | ---: | ---: |');
        for (let r = 0; r < 6; r++) parts.push(`| ${pick(BODIES)} | ${Math.floor(rand() * 20000)} | ${(rand() * 20).toFixed(1).replace('.', ',')} |`);
        parts.push('');
      }
    }
    parts.push(`### Bedömning: ${grade}`, '', `Vi bedömer att ${pick(SENTENCES).toLowerCase()} ${pick(SENTENCES)}`, '', `Kontrollmålet bedöms som ${grade.toLowerCase()}.`, '');
    parts.push('### Rekommendationer', '');
    if (grade === 'Uppfyllt') parts.push('Inga rekommendationer.', '');
    else parts.push(`- Att ${pick(BODIES)} dokumenterar genomförd återrapportering i protokollen.`, `- Att nyckeltal för ${pick(TOPICS)} konkretiseras.`, '');
    const km = parts.join('\n');
    size += km.length + 120;
    kms.push(km);
  }
  const table = ['| Kontrollmål | Bedömning |', '| --- | --- |', ...texts.map((_, i) => `| Kontrollmål ${i + 1} | ${grades[i]} |`)].join('\n');
  return `${head}# Sammanfattning och revisionell bedömning

Revisorerna har, utifrån en bedömning av väsentlighet och risk, funnit det angeläget att granska ${topic}.

## Bedömningar mot kontrollmål

${table}

# Inledning

## Bakgrund

${SENTENCES.join(' ')}

## Syfte och revisionsfråga

Säkerställer kommunstyrelsen och nämnderna att arbetet med ${topic} bedrivs ändamålsenligt och med tillräcklig intern kontroll?

## Revisionskriterier

- Kommunallagen 6 kap. 6 §.
- Reglemente och delegationsordning för kommunstyrelsen och nämnderna.

# Iakttagelser och bedömningar

${kms.join('\n')}
${footnotes.join('\n')}
`;
}
