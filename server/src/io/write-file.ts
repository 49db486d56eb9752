import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writes a file whole or not at all: the bytes go to a temporary file beside the target,
 * which is flushed to disk and then renamed over the target. A write that fails midway (a
 * full disk, a dropped network share) leaves the original untouched instead of cut off.
 * An existing target keeps its permissions. Throws the underlying error, with the
 * temporary file removed, so that callers can say the file could not be *written*.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const dir = path.dirname(target);
  let mode: number | undefined;
  try {
    const stat = fs.statSync(target);
    mode = stat.mode & 0o7777;
  } catch {
    mode = undefined;
  }
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(temp, 'wx', mode ?? 0o666);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    // The umask may have narrowed the mode given to open; the original's permissions win.
    if (mode !== undefined) fs.chmodSync(temp, mode);
    fs.renameSync(temp, target);
  } catch (e) {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        // The descriptor is already unusable; the temporary file is removed below.
      }
    }
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // Nothing more can be done; the original file was never touched.
    }
    throw e;
  }
}
