/**
 * Base64 for bytes that travel in JSON-RPC (exports, files the editor sends). Node's Buffer
 * is used where there is one (it is much faster on large exports); a web worker has none,
 * and there `btoa`/`atob` are used on slices, so no argument list grows with the file.
 */
type NodeBuffer = { from(data: Uint8Array | string, encoding?: string): Uint8Array & { toString(encoding: string): string } };
const NodeBuffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;

export function toBase64(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes).toString('base64');
  let out = '';
  // A multiple of 3, so that slices encode without padding in between.
  const slice = 3 * 8192;
  for (let i = 0; i < bytes.length; i += slice) out += btoa(String.fromCharCode(...bytes.subarray(i, i + slice)));
  return out;
}

export function fromBase64(text: string): Uint8Array {
  if (NodeBuffer) return new Uint8Array(NodeBuffer.from(text, 'base64'));
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
