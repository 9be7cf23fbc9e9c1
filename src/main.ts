/** Start-up: open the wallet, then mount the shell. The verifier is not part of this chunk. */
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { createAppState } from './ui/context.ts';
import './ui/app.css';

const target = document.getElementById('app');
if (target === null) throw new Error('index.html has no #app');

createAppState(window).then(
  (app) => {
    target.replaceChildren();
    mount(App, { target, props: { app } });
  },
  (e: unknown) => {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : 'STORE_FAILED';
    const p = document.createElement('p');
    p.className = 'boot';
    p.setAttribute('role', 'alert');
    p.textContent = `The wallet’s storage cannot be opened in this browser (${code}). ウォレットの保存領域を開けません。`;
    target.replaceChildren(p);
  },
);
