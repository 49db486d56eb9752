import { afterPendingMessages, nextTurn } from '../next-turn.js';

/**
 * Validation in slices between other messages. A document's validation (its model, then
 * each rule, then the conversion to diagnostics) runs as a series of short macrotasks, each
 * at most about `sliceMs` long, with `setImmediate` between them. A request that arrives
 * meanwhile (completion, hover, a newer edit) is read from the connection between two
 * slices and answered before the rest of the rules run, instead of waiting for the whole
 * validation as one task. A newer job for the same document cancels the older one between
 * slices, and a job publishes only while it is still current, so the last version of a
 * burst of edits is the only one published.
 *
 * Plain inputs and outputs: it knows neither LSP nor the server's maps, only a key, how to
 * tell that the job is still wanted, and what to call at the end.
 */

/**
 * Runs `f` after `delayMs`, and returns what cancels it. A delay of 0 (the editor's debounce
 * set to nothing) runs it on the next turn of the event loop: Node makes a zero timer wait
 * at least a millisecond, which every keystroke's diagnostics would pay.
 */
export function later(f: () => void, delayMs: number): () => void {
  if (delayMs > 0) {
    const timer = setTimeout(f, delayMs);
    return () => clearTimeout(timer);
  }
  let cancelled = false;
  nextTurn(() => {
    if (!cancelled) f();
  });
  return () => {
    cancelled = true;
  };
}

export interface ValidationJob<T> {
  /** Whether the job's version is still the document's current one; checked before each slice and before `done`. */
  isCurrent(): boolean;
  /**
   * The work, as a generator that yields wherever it may be interrupted and returns the
   * result. Called once, in the first slice, so that even building the model waits for
   * messages that arrived before it.
   */
  steps(): Generator<void, T>;
  /** Receives the result, only if the job is still current. */
  done(result: T): void;
  /** A step that threw: the job stops, and the error is handed here. */
  failed?(error: unknown): void;
}

/**
 * Whether a request (or any input) has come in since it was last asked. Two moments count:
 *
 * - Input arrived on the transport (`arrived`, from stdin's or the IPC channel's events). It
 *   is read there, but vscode-jsonrpc handles each message on a later `setImmediate`, queued
 *   behind a validation slice queued before the input came: a completion that came while the
 *   first slice waited to run was answered only after the new version's parse (1–4 ms).
 * - A request was handled (`strategy`). vscode-jsonrpc's own stream writer writes the answer
 *   on a turn after the handler returns; a slice queued before that turn ran first.
 *
 * The queue lets a slice wait once more (`take` true) so the message is handled and its
 * answer written first. Only input from the editor sets it, so a slice never waits for long.
 */
export class RequestSignal {
  private read = false;
  /** For `createConnection(…, { messageStrategy })`: marks requests (they have an id and a method), then handles the message as usual. */
  readonly strategy = {
    handleMessage: <M, R>(message: M, next: (message: M) => R): R => {
      const m = message as { id?: unknown; method?: unknown };
      if (m.id !== undefined && typeof m.method === 'string') this.read = true;
      return next(message);
    },
  };

  /** Input came from the editor and will be handled on a later turn. */
  readonly arrived = (): void => {
    this.read = true;
  };

  /** Whether a request was read or input arrived since the last call. */
  take(): boolean {
    const read = this.read;
    this.read = false;
    return read;
  }
}

export class ValidationQueue {
  private readonly jobs = new Map<string, ValidationJob<unknown>>();

  /**
   * @param sliceMs How long one slice may run before it lets other messages in.
   * @param requestRead Whether a request was read or input arrived since it was last asked (`RequestSignal.take`): a slice then waits for the message to be handled and its answer written.
   */
  constructor(
    private readonly sliceMs = 2,
    private readonly now: () => number = () => performance.now(),
    private readonly requestRead: () => boolean = () => false,
  ) {}

  /** Starts a job for a key (a document), replacing and so cancelling any job still running for it. */
  start<T>(key: string, job: ValidationJob<T>): void {
    this.jobs.set(key, job as ValidationJob<unknown>);
    afterPendingMessages(() => this.slice(key, job, null));
  }

  /** Cancels the job of a key, if any (the document closed). */
  cancel(key: string): void {
    this.jobs.delete(key);
  }

  /** Whether a job for the key is waiting or running. */
  pending(key: string): boolean {
    return this.jobs.has(key);
  }

  private wanted<T>(key: string, job: ValidationJob<T>): boolean {
    if (this.jobs.get(key) !== job) return false;
    if (job.isCurrent()) return true;
    this.jobs.delete(key);
    return false;
  }

  /**
   * One slice of a job. The first (`started` null) calls `steps()` only once the slice runs, so
   * that even building the model waits for the messages read before it.
   */
  private slice<T>(key: string, job: ValidationJob<T>, started: Generator<void, T> | null): void {
    if (!this.wanted(key, job)) {
      started?.return(undefined as T);
      return;
    }
    if (this.requestRead()) {
      afterPendingMessages(() => this.slice(key, job, started));
      return;
    }
    let steps: Generator<void, T>;
    try {
      steps = started ?? job.steps();
    } catch (e) {
      this.fail(key, job, e);
      return;
    }
    const until = this.now() + this.sliceMs;
    for (;;) {
      let r: IteratorResult<void, T>;
      try {
        r = steps.next();
      } catch (e) {
        this.fail(key, job, e);
        return;
      }
      if (r.done) {
        if (!this.wanted(key, job)) return;
        this.jobs.delete(key);
        job.done(r.value);
        return;
      }
      if (this.now() >= until) break;
    }
    // A message that came while this slice ran is handled before the next one.
    afterPendingMessages(() => this.slice(key, job, steps));
  }

  private fail<T>(key: string, job: ValidationJob<T>, e: unknown): void {
    if (this.jobs.get(key) === job) this.jobs.delete(key);
    job.failed?.(e);
  }
}
