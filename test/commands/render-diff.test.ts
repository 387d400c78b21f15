// `flamediff render --diff-base` draws what check's diff draws: the frames the comparison keeps.
// A one-off deep stack in a single run would otherwise stretch the picture with a tall spike.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from '../../src/cli-main.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'flamediff-render-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pngHeight = (file: string) => readFileSync(file).readUInt32BE(20);

async function render(args: string[]): Promise<void> {
  let err = '';
  const code = await runCli(['render', ...args], {
    stdout: () => {},
    stderr: (t) => {
      err += t;
    },
    isTTY: false,
    cwd: dir,
    env: {},
  });
  expect(code, err).toBe(0);
}

it('a diff PNG is as tall as the consistent frames, not a one-off deep stack', async () => {
  const spike = `main;${Array.from({ length: 30 }, (_, i) => `deep${i}`).join(';')} 3\n`;
  const files = (side: string, work: number, withSpike: boolean) =>
    [0, 1, 2].map((i) => {
      const f = `${side}-${withSpike ? 'spike-' : ''}${i}.folded`;
      const text = `main;work;inner ${work + i}\nmain;io ${100 - i}\nmain;idle 100\n`;
      writeFileSync(path.join(dir, f), text + (withSpike && i === 0 ? spike : ''));
      return f;
    });
  const base = files('base', 100, false);
  await render([...files('head', 150, false), '--diff-base', ...base, '-o', 'plain.png']);
  await render([...files('head', 150, true), '--diff-base', ...base, '-o', 'spike.png']);
  expect(pngHeight(path.join(dir, 'spike.png'))).toBe(pngHeight(path.join(dir, 'plain.png')));
  // The plain flamegraph still draws every sample, the spike included.
  await render([files('head', 150, true)[0], '-o', 'flame.png']);
  expect(pngHeight(path.join(dir, 'flame.png'))).toBeGreaterThan(
    pngHeight(path.join(dir, 'plain.png')) + 16 * 25,
  );
});
