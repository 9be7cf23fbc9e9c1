/**
 * What a refusal says, whole: its code, its words and its data (for tests that assert a refusal
 * exactly, as the mutation-testing tests do). Throws when `f` does not throw a coded error.
 */
import { isTsumikiError } from '../../src/lib/errors.ts';

export function errorOf(f: () => unknown): { code: string; message: string; data: unknown } {
  try {
    f();
  } catch (e) {
    if (isTsumikiError(e)) return { code: e.code, message: e.message, data: e.data };
    throw e;
  }
  throw new Error('no error');
}
