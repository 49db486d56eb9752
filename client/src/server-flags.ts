/**
 * The flags for node with which the editor starts the language server (`node-extension.ts`),
 * and with which `npm run bench` starts it, so that the benchmark measures the server a user
 * runs. No module here may import `vscode`: the bench imports this one.
 *
 * `--max-semi-space-size=1` keeps V8's young generation at 1 MB a half instead of letting it
 * grow to 16 MB a half while a report is parsed. Those 32 MB were never given back and were
 * a third of the memory the server held with a 313 KiB report open; the parser's
 * short-lived objects now cost some more scavenges instead (docs/prestanda.md, «Minnet,
 * tredje omgången», has the figures of both). It is a V8 flag, so it only applies where
 * the process is started: another editor gives it on its command line (README).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1'];
