/** One dynamic import of the heavy core, shared by every screen. */
let pending: Promise<typeof import('./core.ts')> | undefined;

export function loadCore(): Promise<typeof import('./core.ts')> {
  pending ??= import('./core.ts');
  return pending;
}
