import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PassThrough, Writable } from 'node:stream';
import { StreamMessageReader, type Message, type NotificationMessage, type ResponseMessage } from 'vscode-languageserver/node';
import { WholeMessageWriter } from '../server/src/stdio-writer.ts';
import { ROOT } from './helpers/lint.ts';

/** A stream that records what is written to it, and on which turn of the event loop. */
function recorder(): { stream: Writable; chunks: { turn: number; bytes: Buffer }[]; turns: () => void } {
  let turn = 0;
  let ticking = true;
  const tick = () => {
    turn++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  const chunks: { turn: number; bytes: Buffer }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push({ turn, bytes: Buffer.from(chunk) });
      callback();
    },
  });
  return { stream, chunks, turns: () => (ticking = false) };
}

describe('the stdio writer: each message written whole, in the turn it is given', () => {
  it('writes the header and the body before the next turn, so a validation slice queued meanwhile cannot come between', () => {
    const { stream, chunks, turns } = recorder();
    const writer = new WholeMessageWriter(stream);
    const answer: ResponseMessage = { jsonrpc: '2.0', id: 1, result: { items: [] } };
    void writer.write(answer);
    turns();
    const written = Buffer.concat(chunks.map((c) => c.bytes)).toString('utf8');
    assert.equal(written, 'Content-Length: 46\r\n\r\n{"jsonrpc":"2.0","id":1,"result":{"items":[]}}');
    assert.ok(chunks.every((c) => c.turn === 0), 'a part of the message was written on a later turn');
  });

  it('counts the body in UTF-8 bytes, and a reader reads back every message in order', async () => {
    const pipe = new PassThrough();
    const writer = new WholeMessageWriter(pipe);
    const reader = new StreamMessageReader(pipe);
    const read: Message[] = [];
    const all = new Promise<void>((done) =>
      reader.listen((m) => {
        read.push(m);
        if (read.length === 3) done();
      }),
    );
    const sent: (ResponseMessage | NotificationMessage)[] = [
      { jsonrpc: '2.0', id: 1, result: { contents: 'Beslut i kommunfullmäktige § 12 — åtgärder för 🙂' } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///r.rev.md', diagnostics: [] } },
      { jsonrpc: '2.0', id: 2, result: 'x'.repeat(200_000) },
    ];
    await Promise.all(sent.map((m) => writer.write(m)));
    await all;
    assert.deepEqual(read, sent);
    reader.dispose();
  });

  it('hands a stream error to the connection and rejects the write, instead of throwing', async () => {
    const failing = new Writable({
      write(_chunk, _encoding, callback) {
        callback(new Error('EPIPE'));
      },
    });
    const writer = new WholeMessageWriter(failing);
    const errors: Error[] = [];
    writer.onError(([e]) => errors.push(e));
    const answer: ResponseMessage = { jsonrpc: '2.0', id: 1, result: null };
    await assert.rejects(writer.write(answer), /EPIPE/);
    assert.ok(errors.some((e) => /EPIPE/.test(e.message)), 'the error did not reach onError');
  });

  it('rejects a message that cannot be written as JSON, and writes nothing of it', async () => {
    const { stream, chunks, turns } = recorder();
    const writer = new WholeMessageWriter(stream);
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    const answer = { jsonrpc: '2.0', id: 1, result: cyclic } as ResponseMessage;
    await assert.rejects(writer.write(answer));
    turns();
    assert.equal(chunks.length, 0);
  });

  it('sends the console to stderr, so that nothing a library logs lands in the protocol on stdout', () => {
    const module = pathToFileURL(path.join(ROOT, 'server', 'src', 'stdio-writer.ts')).href;
    // Loaded through tsx from a script given with -e, the module may come as a CommonJS namespace.
    const script = `import(${JSON.stringify(module)}).then((m) => { (m.consoleToStderr ?? m.default.consoleToStderr)(); console.log('log'); console.info('info'); console.debug('debug'); console.dir({ dir: 1 }); console.table([{ table: 1 }]); console.warn('warn'); })`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', cwd: ROOT });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    for (const word of ['log', 'info', 'debug', 'dir', 'table', 'warn']) assert.match(run.stderr, new RegExp(word));
  });
});
