/**
 * One input of `tsumiki verify`, verified and put in the words the CLI prints: its JSON rows and,
 * for the human table, its lines. The same function runs in the CLI's own thread (`--jobs 1`) and
 * in each worker thread (./verify-pool.ts), so both print the same thing.
 */
import { readFile } from 'node:fs/promises';
import type { VerifyEnv } from '../lib/verify/env.ts';
import { verifyBytes, type BytesOptions, type InputResult } from '../lib/verify/pipeline.ts';
import { printHuman, resultJson, type ResultRow } from './output.ts';

export interface FileReport {
  readonly rows: ResultRow[];
  /** The human table's lines for this input (only when asked for). */
  readonly lines?: string[];
}

/** A file to read, or bytes already read (the benchmark); `file` names it either way. */
export interface VerifyTask {
  readonly file: string;
  readonly bytes?: Uint8Array;
}

export async function verifyTask(task: VerifyTask, env: VerifyEnv, asked: BytesOptions, human: boolean): Promise<FileReport> {
  let result: InputResult | { readError: string };
  try {
    const bytes = task.bytes ?? new Uint8Array(await readFile(task.file));
    result = await verifyBytes(bytes, env, asked);
  } catch (e) {
    result = { readError: e instanceof Error ? e.message : String(e) };
  }
  const rows = resultJson(task.file, result);
  if (!human) return { rows };
  const lines: string[] = [];
  printHuman([{ file: task.file, result }], (s) => lines.push(s));
  return { rows, lines };
}
