/** The current hash route as `.current`, following `hashchange`. */
import { parseRoute, hrefOf, type Route } from '../route.ts';

export class Router {
  current = $state<Route>({ name: 'wallet' });
  readonly #win: Window;

  constructor(win: Window) {
    this.#win = win;
    this.current = parseRoute(win.location.hash);
    win.addEventListener('hashchange', () => {
      this.current = parseRoute(win.location.hash);
    });
  }

  go(route: Route): void {
    this.#win.location.hash = hrefOf(route);
  }

  /** Replaces the hash without a history entry (to drop a consumed deep link). */
  replace(route: Route): void {
    this.#win.history.replaceState(null, '', hrefOf(route));
    this.current = route;
  }
}
