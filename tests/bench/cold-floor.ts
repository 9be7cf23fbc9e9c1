// The floor, cold: in a fresh process, after module load, JSON-LD → RDF + RDFC-1.0 + one Ed25519
// verify of the eddsa-rdfc-2022 bench credential, the same work `floor.eddsa.median_ms` times warm
// (stock jsonld.js, the bundled contexts, node:crypto). Prints {"cold_ms"}. What no verifier built on
// jsonld.js can go under on its first credential: the figure `verify.eddsa-rdfc-2022.cold_ms` reads against.
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import jsonld from 'jsonld';
import rdfCanonize from 'rdf-canonize';
import { contextLoader } from '../../src/lib/verify/loader.ts';
import { BENCH_INPUTS } from './inputs.ts';

const vc = JSON.parse(new TextDecoder().decode(BENCH_INPUTS['eddsa-rdfc-2022']!.bytes));
delete vc.proof;
const keys = generateKeyPairSync('ed25519');
const message = new Uint8Array(64);
const signature = sign(null, message, keys.privateKey);
const t = performance.now();
const dataset = await jsonld.toRDF(vc, { documentLoader: contextLoader, safe: true });
await rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0' });
if (!verify(null, message, keys.publicKey, signature)) throw new Error('cold floor: verify');
process.stdout.write(JSON.stringify({ cold_ms: performance.now() - t }) + '\n');
