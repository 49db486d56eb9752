/**
 * Runs `f` on the next turn of the event loop: `setImmediate` on Node, a zero timer in a web
 * worker, which has none. Work done in slices yields with it so that messages waiting on the
 * connection are read in between.
 */
export const nextTurn: (f: () => void) => void = typeof setImmediate === 'function' ? (f) => setImmediate(f) : (f) => setTimeout(f, 0);

/**
 * Runs `f` on a turn after the messages read from the connection meanwhile have been handled.
 * On Node a message is read when the event loop polls for input, and vscode-jsonrpc handles it
 * with `setImmediate`, which queues it behind a slice queued by `nextTurn` before the poll: a
 * completion asked for while a slice of a validation ran waited for the whole next slice too.
 * Two turns put the slice behind the message. A web worker takes messages and zero timers
 * in the order they came, so one turn is enough there.
 */
export const afterPendingMessages: (f: () => void) => void =
  typeof setImmediate === 'function' ? (f) => setImmediate(() => setImmediate(f)) : (f) => setTimeout(f, 0);
