/** The animated QR sequence (issue 7): cycles, pauses, steps. */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { FramePlayer } from '../../src/ui/state/FramePlayer.svelte.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test('cycles every interval, wraps round, pauses and steps by hand', () => {
  const p = new FramePlayer(400);
  p.load(3);
  expect(p.index).toBe(0);
  vi.advanceTimersByTime(400);
  expect(p.index).toBe(1);
  vi.advanceTimersByTime(800);
  expect(p.index).toBe(0);
  p.toggle();
  expect(p.playing).toBe(false);
  vi.advanceTimersByTime(2000);
  expect(p.index).toBe(0);
  p.step(-1);
  expect(p.index).toBe(2);
  p.play();
  p.step(1);
  expect(p.playing).toBe(false); // a step by hand pauses
  expect(p.index).toBe(0);
  p.play();
  vi.advanceTimersByTime(400);
  expect(p.index).toBe(1);
  p.load(2);
  expect(p.index).toBe(0);
  p.dispose();
  vi.advanceTimersByTime(4000);
  expect(p.index).toBe(0);
});

test('a single frame never animates', () => {
  const p = new FramePlayer(300);
  p.load(1);
  vi.advanceTimersByTime(3000);
  expect(p.index).toBe(0);
  p.dispose();
});
