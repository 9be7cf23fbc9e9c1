/**
 * SHA-256 / SHA-384 of a string's UTF-8 bytes, for the RDFC proofs' two hashes. In Node (the CLI,
 * the tests) node:crypto hashes synchronously; WebCrypto's digest would hand each few-kilobyte
 * hash to the thread pool and back, which cost more than hashing it (~0.05 ms a hash on a loaded
 * machine against ~0.005 ms). In the browser, WebCrypto. Both encode as UTF-8 the same way (a lone
 * surrogate becomes U+FFFD) and give the same bytes: node:crypto's update takes a string as UTF-8
 * when given no encoding.
 */
type NodeCrypto = { createHash(algorithm: string): { update(data: string): { digest(): Uint8Array } } };

let nodeCrypto: NodeCrypto | null | undefined;

function nodeHash(): NodeCrypto | null {
  // process.getBuiltinModule (Node ≥ 20.16) loads node:crypto without an import a bundler would follow.
  nodeCrypto ??= ((globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined) ?? null; // why: the shape of node:crypto we use
  return nodeCrypto;
}

export type DigestName = 'SHA-256' | 'SHA-384';

export async function digestText(algorithm: DigestName, text: string): Promise<Uint8Array> {
  const node = nodeHash();
  if (node) return new Uint8Array(node.createHash(algorithm === 'SHA-256' ? 'sha256' : 'sha384').update(text).digest());
  return new Uint8Array(await crypto.subtle.digest(algorithm, new TextEncoder().encode(text)));
}
