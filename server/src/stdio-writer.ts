import { Console } from 'node:console';
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

/**
 * Writes each message to a stream (the server's stdout with `--stdio`) in the turn it is
 * given, header and body together. vscode-jsonrpc's stream writer takes a lock that starts
 * each write on a later `setImmediate`, and awaits the header's write before it writes the
 * body; a validation slice queued meanwhile ran in between, so a completion answered in a
 * tenth of a millisecond right after a keystroke reached the editor 1–4 ms later, after the
 * new version's parse. Writes made in one turn keep their order on the stream, so no lock
 * is needed; a message that does not fit the pipe is queued by the stream itself.
 */
export class WholeMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;

  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    out.on('error', (e: unknown) => this.fireError(e));
    out.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    let body: Buffer;
    try {
      // As vscode-jsonrpc encodes it: JSON in UTF-8, its length in bytes in the header.
      body = Buffer.from(JSON.stringify(msg), 'utf8');
    } catch (e) {
      this.fireError(e, msg, ++this.errors);
      return Promise.reject(e);
    }
    return new Promise((resolve, reject) => {
      this.out.write(`Content-Length: ${body.byteLength}\r\n\r\n`, 'ascii');
      this.out.write(body, (e?: Error | null) => {
        if (!e) {
          resolve();
          return;
        }
        this.fireError(e, msg, ++this.errors);
        reject(e);
      });
    });
  }

  end(): void {
    this.out.end();
  }
}

/**
 * With `--stdio`, stdout carries the protocol, so a stray `console.log` (from a library) would
 * corrupt it: vscode-languageserver redirects the console only when it opens stdout itself,
 * which it no longer does once it is given a writer. The console writes to stderr instead,
 * which editors show in their log.
 */
export function consoleToStderr(): void {
  Object.assign(console, new Console({ stdout: process.stderr, stderr: process.stderr }));
}
