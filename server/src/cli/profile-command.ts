import * as path from 'node:path';
import type { Locale } from '../i18n.js';
import { loadConfigFor } from '../config/load.js';
import { profileConfigText } from '../profiles/write.js';
import type { Io } from './cli.js';

/**
 * `granska profil lista` and `granska profil visa NAMN`: the house profiles known where the
 * command runs (the built-in ones and those of the nearest `.granskarc.json`), and one of them
 * printed as a configuration to start a house's own profile from.
 */
export function profileCommand(args: readonly string[], locale: Locale, io: Io): number {
  const en = locale === 'en';
  const [sub, name, ...rest] = args;
  const loaded = loadConfigFor(path.resolve(io.cwd));
  const profiles = loaded.config.profiles;
  if (sub === 'lista' && name === undefined) {
    const width = Math.max(...[...profiles.keys()].map((n) => n.length));
    for (const [n, p] of profiles) {
      const origin = p.builtin ? (en ? 'built in' : 'inbyggd') : en ? `from ${loaded.file ?? '.granskarc.json'}` : `från ${loaded.file ?? '.granskarc.json'}`;
      const mark = n === loaded.config.profile ? '*' : ' ';
      io.stdout(`${mark} ${n.padEnd(width)}  ${origin}: ${p.description}\n`);
    }
    io.stdout(en ? '\n* the default profile here. Show one as configuration: granska profil visa NAME\n' : '\n* profilen som gäller här. Visa en som konfiguration: granska profil visa NAMN\n');
    return 0;
  }
  if (sub === 'visa' && name !== undefined && rest.length === 0) {
    const profile = profiles.get(name);
    if (!profile) {
      const known = [...profiles.keys()].join(', ');
      io.stderr(en ? `granska profil: no profile "${name}". Known profiles: ${known}.\n` : `granska profil: profilen "${name}" finns inte. Kända profiler: ${known}.\n`);
      return 2;
    }
    io.stdout(profileConfigText(profile));
    return 0;
  }
  io.stderr(en ? 'Usage: granska profil lista | granska profil visa NAME [--locale sv|en]\n' : 'Användning: granska profil lista | granska profil visa NAMN [--locale sv|en]\n');
  return 2;
}
