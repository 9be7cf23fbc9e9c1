/** The languages Tsumiki speaks — the interface, the core's words, the CLI — in the order a chooser lists them. */
export type Lang = 'en' | 'ja';

export const LANGS: readonly Lang[] = ['en', 'ja'];
