/**
 * Imports files, pasted text, links and the demo set, with progress and a result per file: verified
 * in a pool of workers, written in batches (see `#run`). The page never loads the verifier for it.
 */
import type { WalletDb } from '../../lib/store/db.ts';
import { requestPersistence } from '../../lib/store/storage.ts';
import type { FileImport, PreparedFile } from '../../lib/wallet/import-batch.ts';
import { loadCore } from '../load-core.ts';
import { journal } from './import-journal.ts';
import { addTrustListInWorker, prepareInWorker } from './verifier.ts';

/** Something to import: a name to show and a way to read its bytes. */
export interface Source {
  readonly name: string;
  readonly read: () => Promise<Uint8Array>;
}

export interface ResultRow {
  readonly key: number;
  readonly name: string;
  readonly outcome: FileImport;
}

export interface Tally {
  readonly added: number;
  readonly duplicate: number;
  readonly failed: number;
}

/** Verified files are written (and shown) in batches, at most this long apart, so a thousand files do not make a thousand transactions and re-render the list a thousand times. */
const FLUSH_MS = 150;
/** Most files one write transaction takes. */
const MAX_BATCH = 200;
/** Files read and sent to the workers ahead of the writes (the workers never wait for a write). */
const WINDOW = 64;

let runs = 0;

export class Importer {
  readonly #db: Promise<WalletDb>;
  readonly #lang: () => string;
  busy = $state(false);
  done = $state(0);
  total = $state(0);
  results = $state.raw<readonly ResultRow[]>([]);
  #key = 0;
  #askedPersistence = false;
  #queue: Promise<void> = Promise.resolve();
  #pending = 0;

  /** `db` may still be opening (the first paint comes before it, issue 8); `lang`: the language listed issuers are named in. */
  constructor(db: WalletDb | Promise<WalletDb>, lang: () => string = () => 'en') {
    this.#db = Promise.resolve(db);
    this.#lang = lang;
  }

  readonly tally = $derived.by((): Tally => {
    let added = 0;
    let duplicate = 0;
    let failed = 0;
    for (const r of this.results) {
      if (!r.outcome.ok) failed++;
      else for (const c of r.outcome.credentials) c.status === 'added' ? added++ : duplicate++;
    }
    return { added, duplicate, failed };
  });

  clear(): void {
    if (this.busy) return;
    this.results = [];
    this.done = 0;
    this.total = 0;
  }

  /** Imports the sources in order, after any import already running (one queue, one progress bar). */
  run(sources: readonly Source[], online = false): Promise<readonly ResultRow[]> {
    if (sources.length === 0) return Promise.resolve([]);
    if (!this.busy) {
      this.done = 0;
      this.total = 0;
    }
    this.total += sources.length;
    journal(this.done, this.total);
    this.busy = true;
    this.#pending++;
    const job = this.#queue.then(() => this.#run(sources, online));
    this.#queue = job.then(
      () => undefined,
      () => undefined,
    );
    return job.finally(() => {
      this.#pending--;
      if (this.#pending === 0) this.busy = false;
      if (this.#pending === 0) journal(this.total, this.total);
    });
  }

  /**
   * The pipeline (issue 15): files are read and sent to the import pool a window ahead, verified
   * side by side in the workers (which also build the store rows), and written in input order, many
   * files to a transaction, at most every FLUSH_MS; the list and the progress bar move with each write.
   */
  async #run(sources: readonly Source[], online: boolean): Promise<readonly ResultRow[]> {
    const out: ResultRow[] = [];
    const [db, { writeFiles }] = await Promise.all([this.#db, import('../../lib/wallet/import-batch.ts')]);
    const run = `${Date.now()}-${++runs}`;
    const lang = this.#lang();
    const prepare = async (source: Source): Promise<PreparedFile> => {
      try {
        const bytes = await source.read();
        return await prepareInWorker(bytes, { now: new Date(), online, lang, addedAt: db.now().toISOString(), run });
      } catch (e) {
        return { ok: false, error: { code: 'FILE_UNREADABLE', message: e instanceof Error ? e.message : String(e) } };
      }
    };
    const slots: (Promise<PreparedFile> | undefined)[] = [];
    let launched = 0;
    const launch = () => {
      for (; launched < sources.length && launched < out.length + batch.length + WINDOW; launched++) slots[launched] = prepare(sources[launched] as Source); // why: launched < sources.length
    };
    let batch: { source: Source; file: PreparedFile }[] = [];
    let wroteAt = performance.now();
    const write = async () => {
      const files = batch;
      batch = [];
      const outcomes = await writeFiles(
        db,
        files.map((f) => f.file),
      );
      const rows = files.map((f, i): ResultRow => ({ key: this.#key++, name: f.source.name, outcome: { ...(outcomes[i] as FileImport), fileName: f.source.name } })); // why: one outcome per file
      out.push(...rows);
      this.results = [...rows.reverse(), ...this.results];
      this.done += rows.length;
      journal(this.done, this.total);
      wroteAt = performance.now();
      await new Promise((r) => setTimeout(r, 0)); // let the list and the progress bar paint
    };
    launch();
    for (let i = 0; i < sources.length; i++) {
      const file = await (slots[i] as Promise<PreparedFile>); // why: launch() keeps every index before `launched` filled
      slots[i] = undefined;
      batch.push({ source: sources[i] as Source, file });
      if (batch.length >= MAX_BATCH || performance.now() - wroteAt > FLUSH_MS || i === sources.length - 1) await write();
      launch();
    }
    if (!this.#askedPersistence && out.some((r) => r.outcome.ok)) {
      this.#askedPersistence = true;
      void requestPersistence(typeof navigator === 'undefined' ? undefined : navigator.storage);
    }
    return out;
  }

  files(files: Iterable<File>): Promise<readonly ResultRow[]> {
    return this.run([...files].map((f) => ({ name: f.name, read: async () => new Uint8Array(await f.arrayBuffer()) })));
  }

  text(text: string, name: string): Promise<readonly ResultRow[]> {
    return this.run([{ name, read: async () => new TextEncoder().encode(text) }]);
  }

  /** A link, fetched (with the network allowed for its verification too) only after the user agreed. */
  link(url: string, name: string): Promise<readonly ResultRow[]> {
    return this.run([{ name, read: async () => new TextEncoder().encode(url) }], true);
  }

  /** A badge carried by a `#/import?data=` link. */
  async data(param: string, name: string): Promise<readonly ResultRow[]> {
    const core = await loadCore();
    return this.run([{ name, read: async () => core.decodeDataParam(param) }]);
  }

  /**
   * The demo badges the app itself serves (public/demo/), verified offline like any file; first the
   * demo trust list (issue 12), added and enabled as a demo, so the demo badges read as issued by a
   * listed (demo) issuer. Badges already in the wallet are then checked again with it.
   */
  async demo(base: string): Promise<readonly ResultRow[]> {
    const index = await fetch(new URL('demo/index.json', base)).then((r) => {
      if (!r.ok) throw new Error(`demo index: HTTP ${r.status}`);
      return r.json() as Promise<{ files: { file: string }[]; pathways?: string[]; trustList?: string }>; // why: the app's own static file
    });
    const listAdded = index.trustList ? await this.#demoTrustList(base, index.trustList) : false;
    // The demo pathways come with the demo badges (issue 6), alongside them; one that fails to load does not stop the badges.
    const files = index.pathways ?? [];
    const pathways = files.length === 0 ? null : Promise.all([this.#db, import('../../lib/wallet/pathway-import.ts')]).then(([db, m]) => m.addDemoPathways(db, base, files)).catch(() => undefined);
    const rows = await this.run(
      index.files.map(({ file }) => ({
        name: file,
        read: async () => new Uint8Array(await (await fetch(new URL(`demo/${encodeURIComponent(file)}`, base))).arrayBuffer()),
      })),
    );
    await pathways;
    if (listAdded) {
      const [db, { recheckerOf }] = await Promise.all([this.#db, import('./Recheck.svelte.ts')]);
      void recheckerOf(db, this.#lang).all();
    }
    return rows;
  }

  /** Adds the demo trust list (stored as a demo); false when it could not be read or refused. */
  async #demoTrustList(base: string, file: string): Promise<boolean> {
    try {
      const r = await fetch(new URL(`demo/${encodeURIComponent(file)}`, base));
      if (!r.ok) return false;
      const added = await addTrustListInWorker(new Uint8Array(await r.arrayBuffer()), `demo/${file}`, { now: new Date(), online: false, demo: true });
      return added.ok;
    } catch {
      return false;
    }
  }
}
