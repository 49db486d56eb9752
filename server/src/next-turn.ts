/**
 * Runs `f` on the next turn of the event loop: `setImmediate` on Node, a zero timer in a web
 * worker, which has none. Work done in slices yields with it so that messages waiting on the
 * connection are read in between.
 */
export const nextTurn: (f: () => void) => void = typeof setImmediate === 'function' ? (f) => setImmediate(f) : (f) => setTimeout(f, 0);
