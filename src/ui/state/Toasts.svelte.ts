/** Short messages at the bottom of the screen, read out by screen readers (the region is aria-live). */
export interface ToastAction {
  readonly label: string;
  readonly run: () => void | Promise<void>;
}

export interface Toast {
  readonly id: number;
  readonly text: string;
  readonly kind: 'info' | 'success' | 'error';
  readonly action?: ToastAction;
}

export class Toasts {
  list = $state.raw<readonly Toast[]>([]);
  #next = 1;
  readonly #timers = new Map<number, ReturnType<typeof setTimeout>>();

  show(text: string, kind: Toast['kind'] = 'info', action?: ToastAction, ms = action ? 10_000 : 5_000): number {
    const id = this.#next++;
    this.list = [...this.list, { id, text, kind, ...(action ? { action } : {}) }].slice(-4);
    this.#timers.set(id, setTimeout(() => this.dismiss(id), ms));
    return id;
  }

  dismiss(id: number): void {
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
    this.list = this.list.filter((t) => t.id !== id);
  }

  async act(toast: Toast): Promise<void> {
    this.dismiss(toast.id);
    await toast.action?.run();
  }
}
