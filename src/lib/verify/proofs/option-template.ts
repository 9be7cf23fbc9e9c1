/**
 * The quads of a proof's options, without running JSON-LD for every credential.
 *
 * Every credential an issuer signs carries the same proof options but for the date it was made:
 * the same contexts, type, cryptosuite, purpose and verification method. Turning them into RDF
 * (jsonld.js: the document's contexts, then DataIntegrityProof's scoped context) cost more than
 * canonicalising the whole credential. So the RDF is made once per kind — the options with
 * `created` and `expires` replaced by a placeholder — and each credential's dates are put back in.
 *
 * That is exact, not an approximation: a date is only slotted when the placeholder came out as a
 * literal typed xsd:dateTime, and JSON-LD writes a string under a term typed xsd:dateTime into
 * the literal as it is, whatever it holds. Anything else about the options (another key, another
 * context, another verification method, a date written as an object or an array) is part of the
 * cache key, so it is run through jsonld.js itself. When the placeholder does not come out that
 * way (a context that types `created` otherwise), or jsonld.js refuses the template, the options
 * are converted directly, every time. `tests/unit/verify/option-template.test.ts` compares both
 * ways on every fixture and on crafted options.
 */
import type { JsonObject } from '../../model/credential.ts';
import { quadsOf, type Quad } from '../reading/index.ts';
import type { Term } from '../reading/graph.ts';

const XSD_DATETIME = 'http://www.w3.org/2001/XMLSchema#dateTime';
/** The option keys whose value changes with every credential of a kind. */
const SLOTS = ['created', 'expires'] as const;
type Slot = (typeof SLOTS)[number];
/** No real value can hold it: a NUL and a name no credential uses. */
const placeholder = (slot: Slot) => `\u0000tsumiki-slot-${slot}\u0000`;

interface Template {
  readonly quads: readonly Quad[];
  /** For each quad, the slot its object literal is (only literals are slotted). */
  readonly slots: ReadonlyMap<number, Slot>;
}

/** Kinds of options seen; more than this and the oldest is forgotten. */
const MAX_TEMPLATES = 64;
const templates = new Map<string, Promise<Template | undefined>>();
/** Templates made and answers served from one, since the last clear: tests check the fast path is really taken. */
export const optionTemplateCounts = { made: 0, served: 0 };

const mentions = (t: Term, text: string) => t.value.includes(text) || (t.datatype?.value.includes(text) ?? false);

/** The template for `options` as written with placeholders, or undefined when it cannot be used. */
async function makeTemplate(document: JsonObject, slotted: readonly Slot[]): Promise<Template | undefined> {
  let quads: Quad[];
  try {
    quads = await quadsOf(document);
  } catch {
    return undefined; // the direct conversion gives the real error
  }
  const slots = new Map<number, Slot>();
  for (const slot of slotted) {
    const text = placeholder(slot);
    const at = quads.flatMap((q, i) => (q.object.termType === 'Literal' && q.object.value === text && q.object.datatype?.value === XSD_DATETIME && !q.object.language ? [i] : []));
    if (at.length !== 1) return undefined;
    slots.set(at[0] as number, slot); // why: length checked
  }
  // The placeholders must appear nowhere else (an IRI made from one, a datatype, a graph name).
  for (const [i, q] of quads.entries()) {
    for (const t of [q.subject, q.predicate, q.object, q.graph]) {
      for (const slot of slotted) if (mentions(t, placeholder(slot)) && !(t === q.object && slots.get(i) === slot)) return undefined;
    }
  }
  return { quads, slots };
}

const copyTerm = (t: Term): Term => ({ ...t, ...(t.datatype ? { datatype: { ...t.datatype } } : {}) });

/**
 * The RDF quads of `options` (a proof without its value, with the secured document's `@context`),
 * as `quadsOf(options)` gives them. Throws what jsonld.js throws.
 */
export async function optionQuads(options: JsonObject): Promise<Quad[]> {
  const slotted = SLOTS.filter((s) => typeof options[s] === 'string');
  const written: JsonObject = { ...options };
  for (const s of slotted) written[s] = placeholder(s);
  const key = JSON.stringify(written);
  let template = templates.get(key);
  if (template) {
    templates.delete(key); // most recently used last
    templates.set(key, template);
  } else {
    template = makeTemplate(written, slotted);
    optionTemplateCounts.made++;
    if (templates.size >= MAX_TEMPLATES) templates.delete(templates.keys().next().value as string); // why: the map is not empty when full
    templates.set(key, template);
  }
  const t = await template;
  if (!t) return quadsOf(options);
  optionTemplateCounts.served++;
  return t.quads.map((q, i) => {
    const slot = t.slots.get(i);
    const object = slot ? { ...copyTerm(q.object), value: options[slot] as string } : copyTerm(q.object); // why: slotted keys hold strings (filtered above)
    return { subject: copyTerm(q.subject), predicate: copyTerm(q.predicate), object, graph: copyTerm(q.graph) };
  });
}

/** Forget every template and reset the counts (tests compare a cold and a warm cache). */
export function clearOptionTemplates(): void {
  templates.clear();
  optionTemplateCounts.made = 0;
  optionTemplateCounts.served = 0;
}
