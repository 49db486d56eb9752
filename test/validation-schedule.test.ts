import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import { generateReport } from '../bench/generate.ts';
import { lintDocument, lintStepwise } from '../server/src/lint/lint.ts';
import { later, RequestSignal, ValidationQueue } from '../server/src/lint/schedule.ts';
import { parseAuditDocument } from '../server/src/model/parse.ts';
import { readDocuments } from './helpers/lint.ts';

/** Resolves once every callback queued so far (and those they queue) has run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

describe('validation in slices: messages first, only the current version published', () => {
  /**
   * Runs a job of three steps in slices of zero milliseconds (every step a macrotask of its
   * own) and records them in `order`; `during` runs inside the first step.
   */
  function runThreeSteps(order: string[], during: () => void): Promise<void> {
    const queue = new ValidationQueue(0);
    return new Promise<void>((done) => {
      queue.start('a', {
        isCurrent: () => true,
        *steps() {
          order.push('model');
          during();
          yield;
          order.push('rule 1');
          yield;
          order.push('rule 2');
          return 'diagnostics';
        },
        done: (r) => {
          order.push(r);
          done();
        },
      });
    });
  }

  it('lets a message that arrives during a validation be handled before the validation ends', async () => {
    const order: string[] = [];
    // A request read from the connection now is queued as the next macrotask.
    await runThreeSteps(order, () => setImmediate(() => order.push('request')));
    assert.deepEqual(order, ['model', 'request', 'rule 1', 'rule 2', 'diagnostics']);
  });

  it('lets a message read from the connection during a slice be handled before the next slice', async () => {
    // The connection reads a message when the event loop polls for input, and handles it on a
    // turn of its own (vscode-jsonrpc queues it with setImmediate). A message port delivers
    // the same way. A message that arrives while a slice runs must not wait for the next one.
    const order: string[] = [];
    const { port1, port2 } = new MessageChannel();
    port2.on('message', () => setImmediate(() => order.push('request')));
    await runThreeSteps(order, () => {
      port1.postMessage('completion');
      // The slice runs on until the message is there to be read.
      const until = Date.now() + 30;
      while (Date.now() < until) {
        // Busy, as a long step is.
      }
    });
    port1.close();
    assert.deepEqual(order, ['model', 'request', 'rule 1', 'rule 2', 'diagnostics']);
  });

  /**
   * Starts a job of two steps (the model, then the rules) in slices of zero milliseconds on a
   * queue that asks a `RequestSignal` whether to wait, and records the steps in `order`.
   */
  function modelThenRules(): { order: string[]; signal: RequestSignal; finished: Promise<void> } {
    const order: string[] = [];
    const signal = new RequestSignal();
    const queue = new ValidationQueue(0, undefined, () => signal.take());
    const finished = new Promise<void>((done) => {
      queue.start('a', {
        isCurrent: () => true,
        *steps() {
          order.push('model');
          yield;
          order.push('rules');
          return 'diagnostics';
        },
        done: (r) => {
          order.push(r);
          done();
        },
      });
    });
    return { order, signal, finished };
  }

  it('writes the answer to a request read after a validation was queued before the next slice of that validation', async () => {
    // vscode-jsonrpc answers a request on a turn after its handler: the handler runs, then the
    // answer's write is queued with setImmediate. A slice queued before that turn ran first,
    // so a completion answered at once still reached the editor only after the parse.
    const { order, signal, finished } = modelThenRules();
    // The request is read on the turn just before the slice's: its handler runs, and its
    // answer is written on the turn after.
    setImmediate(() =>
      signal.strategy.handleMessage({ jsonrpc: '2.0', id: 1, method: 'textDocument/completion' }, () => {
        order.push('completion');
        setImmediate(() => order.push('answer written'));
      }),
    );
    await finished;
    assert.deepEqual(order, ['completion', 'answer written', 'model', 'rules', 'diagnostics']);
    // A notification is no request: it does not hold the validation back.
    signal.strategy.handleMessage({ jsonrpc: '2.0', method: 'textDocument/didChange' }, () => undefined);
    assert.equal(signal.take(), false);
  });

  it('handles a message that came after a validation was queued before the validation starts', async () => {
    // The server reads input when the event loop polls (stdin, the IPC channel, a worker's
    // port) and vscode-jsonrpc handles it on a later setImmediate, queued behind the first
    // slice if that was queued first. The input is marked where it is read (`arrived`), so the
    // slice waits and a completion sent with the keystroke is answered before the parse.
    const { order, signal, finished } = modelThenRules();
    const { port1, port2 } = new MessageChannel();
    port2.on('message', () => {
      signal.arrived();
      setImmediate(() => order.push('completion'));
    });
    // Sent on the turn the validation's first slice is queued on, so it is read after that.
    setImmediate(() => port1.postMessage('completion'));
    await finished;
    port1.close();
    assert.deepEqual(order, ['completion', 'model', 'rules', 'diagnostics']);
  });

  it('publishes only the newest job of a document, cancelling an older one between slices', async () => {
    const queue = new ValidationQueue(0);
    const published: number[] = [];
    const ran: string[] = [];
    const job = (version: number) => ({
      isCurrent: () => true,
      *steps() {
        for (let i = 0; i < 3; i++) {
          ran.push(`${version}.${i}`);
          yield;
        }
        return version;
      },
      done: (v: number) => published.push(v),
    });
    queue.start('a', job(1));
    // Version 1 has started its slices when version 2 comes.
    await new Promise((r) => setImmediate(r));
    queue.start('a', job(2));
    await settle();
    assert.deepEqual(published, [2]);
    assert.ok(!ran.includes('1.2'), `the older job kept running: ${ran.join(' ')}`);
    assert.equal(queue.pending('a'), false);
  });

  it('keeps the jobs of different documents apart, and drops a job whose version is no longer current', async () => {
    const queue = new ValidationQueue(0);
    const published: string[] = [];
    let current = true;
    queue.start('a', { isCurrent: () => current, *steps() { yield; yield; return 'a'; }, done: (v) => published.push(v) });
    queue.start('b', { isCurrent: () => true, *steps() { yield; return 'b'; }, done: (v) => published.push(v) });
    await new Promise((r) => setImmediate(r));
    current = false;
    await settle();
    assert.deepEqual(published, ['b']);
  });

  it('hands a step that throws to the job, and the document is not left pending', async () => {
    const queue = new ValidationQueue(0);
    const errors: unknown[] = [];
    queue.start('a', {
      isCurrent: () => true,
      *steps(): Generator<void, number> {
        yield;
        throw new Error('boom');
      },
      done: () => assert.fail('no result after a failure'),
      failed: (e) => errors.push(e),
    });
    await settle();
    assert.equal(errors.length, 1);
    assert.equal(queue.pending('a'), false);
  });

  it('starts a check without debounce on the next turn, before a zero timer set earlier, and never one that was cancelled', async () => {
    // Node makes a zero timer wait at least a millisecond; a check with the debounce set to
    // nothing must not. Inside an I/O callback (as a message from the editor is) the next
    // turn's immediates run before its timers, so the order is fixed.
    const order: string[] = [];
    await new Promise<void>((resolve) => {
      fs.readFile('package.json', () => {
        setTimeout(() => {
          order.push('timer');
          resolve();
        }, 0);
        later(() => order.push('check'), 0);
        const cancel = later(() => order.push('cancelled check'), 0);
        cancel();
        const cancelTimer = later(() => order.push('cancelled debounced check'), 1);
        cancelTimer();
      });
    });
    await settle();
    assert.deepEqual(order, ['check', 'timer']);
  });

  it('gives, step by step, exactly the diagnostics of a lint at once', async () => {
    const texts = [...readDocuments('samples'), generateReport(60_000, 3)];
    for (const text of texts) {
      const doc = parseAuditDocument(text);
      const queue = new ValidationQueue(0);
      const result = await new Promise((resolve) => queue.start('d', { isCurrent: () => true, steps: () => lintStepwise(doc, { locale: 'en' }), done: resolve }));
      assert.deepEqual(result, lintDocument(doc, { locale: 'en' }));
    }
  });
});
