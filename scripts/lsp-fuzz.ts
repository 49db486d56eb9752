/**
 * The long form of the LSP fuzzer (`npm run fuzz`): 10,000 random edits over LSP to the
 * samples open in `dist/server.js`, each burst's last version compared with the command
 * line. `npm run fuzz -- --seed 7 --edits 2000` replays or shortens a run. Exits with 1
 * when any version differs or an outdated version is published.
 */
import { fuzzLanguageServer } from '../test/helpers/lsp-fuzz.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const seed = arg('seed', 1);
  const edits = arg('edits', 10_000);
  const started = Date.now();
  let reported = 0;
  const stats = await fuzzLanguageServer({
    seed,
    edits,
    progress: (done, s) => {
      if (done - reported < 1000) return;
      reported = done;
      console.log(`${done} edits, ${s.compared} versions compared, ${s.mismatches.length} mismatches`);
    },
  });
  for (const m of stats.mismatches.slice(0, 10)) console.log(`MISMATCH ${m}`);
  for (const o of stats.outdated.slice(0, 10)) console.log(`OUTDATED ${o}`);
  console.log(
    `seed ${seed}: ${stats.edits} edits, ${stats.compared} versions compared, ${stats.published} publications, ` +
      `${stats.mismatches.length} mismatches, ${stats.outdated.length} outdated, ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  process.exit(stats.mismatches.length === 0 && stats.outdated.length === 0 ? 0 : 1);
}

void main();
