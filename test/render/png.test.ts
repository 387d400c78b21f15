import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Profile } from '../../src/profile/profile.js';
import { renderDiffSvg, renderFlameSvg, svgToPng } from '../../src/render/index.js';
import { staticPart } from '../../src/render/png.js';
import { expectGolden } from '../support/golden.js';
import { comparison, FIXTURES, fixture, foldedProfile, frameResult } from './helpers.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const size = (png: Uint8Array) => {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
};
const REPO = path.resolve(import.meta.dirname, '..', '..');

function pictures(): Record<string, string> {
  const b = foldedProfile('main;work 30\nmain;io 30\nmain;idle 40\n');
  const h = foldedProfile('main;work 50\nmain;io 10\nmain;idle 40\nmain;fresh 5\n');
  const c = comparison([
    frameResult('work', 'regressed', 0.3, 0.48),
    frameResult('io', 'improved', 0.3, 0.1),
    frameResult('fresh', 'new', 0, 0.05),
  ]);
  return {
    py: renderFlameSvg(foldedProfile(fixture('py.folded')), { title: 'py fixture' }),
    evil: renderFlameSvg(foldedProfile(fixture('evil.folded'))),
    diff: renderDiffSvg(b, h, c),
    empty: renderFlameSvg(new Profile()),
  };
}

describe('PNG', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'flamediff-png-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('matches the golden hashes (bundled font, no system fonts)', async () => {
    const hashes: Record<string, string> = {};
    for (const [name, svg] of Object.entries(pictures())) hashes[name] = sha(await svgToPng(svg));
    expectGolden('render/png-hashes.json', `${JSON.stringify(hashes, null, 2)}\n`);
  });

  it('leaves out what only the interactive page can use (script, controls, tooltip)', () => {
    const svg = pictures().py;
    expect(svg).toContain('id="fd-search"');
    const still = staticPart(svg);
    for (const gone of [
      '<script',
      'id="fd-search"',
      'id="fd-case"',
      'id="fd-unzoom"',
      'id="fd-tip"',
      '<title>',
    ])
      expect(still).not.toContain(gone);
    expect(still).toContain('<rect');
  });

  it('is deterministic and honours the width', async () => {
    const svg = pictures().py;
    const a = await svgToPng(svg);
    const b = await svgToPng(svg);
    expect(sha(a)).toBe(sha(b));
    expect(Buffer.from(a.subarray(1, 4)).toString()).toBe('PNG');
    expect(size(a).width).toBe(1200);
    expect(size(await svgToPng(svg, { width: 600 })).width).toBe(600);
  });

  it('draws text with the bundled font', async () => {
    const plain =
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="200" height="40" fill="#fff"/>';
    const empty = await svgToPng(`${plain}</svg>`);
    const text = await svgToPng(
      `${plain}<text x="10" y="25" font-family="DejaVu Sans">flamediff</text></svg>`,
    );
    const other = await svgToPng(
      `${plain}<text x="10" y="25" font-family="No Such Font">flamediff</text></svg>`,
    );
    expect(sha(text)).not.toBe(sha(empty));
    expect(sha(other)).toBe(sha(text)); // unknown families fall back to our DejaVu Sans
  });

  it('scales very tall pictures down to the pixel budget', async () => {
    const deep = new Profile();
    const ids: number[] = [];
    for (let d = 0; d < 5000; d++) ids.push(deep.intern({ name: `f${d}` }));
    deep.addStack(ids, 1);
    const png = await svgToPng(renderFlameSvg(deep), { maxPixels: 4_000_000 });
    const s = size(png);
    expect(s.width * s.height).toBeLessThanOrEqual(4_000_000);
    expect(s.height).toBeGreaterThan(s.width);
  });

  it('works from the esbuild bundle, away from the source tree', { timeout: 120_000 }, async () => {
    // The real build script must accept our ?binary imports (wasm from node_modules, font from assets).
    const out = path.join(tmp, 'dist');
    execFileSync(process.execPath, ['scripts/build.mjs', out], { cwd: REPO, stdio: 'pipe' });
    // Bundle the render module the same way (the CLI/action entry points do not export it).
    const bundle = path.join(tmp, 'render.mjs');
    execFileSync(
      process.execPath,
      [path.join(REPO, 'bench/render/bundle.mjs'), 'src/render/index.ts', bundle],
      {
        cwd: REPO,
        stdio: 'pipe',
      },
    );
    const svgFile = path.join(tmp, 'py.svg');
    writeFileSync(svgFile, pictures().py);
    const script = `const m = await import(${JSON.stringify(bundle)});
const fs = await import('node:fs');
const png = await m.svgToPng(fs.readFileSync(${JSON.stringify(svgFile)}, 'utf8'));
process.stdout.write((await import('node:crypto')).createHash('sha256').update(png).digest('hex'));`;
    // Run from an empty directory: nothing may be read from node_modules or assets at run time.
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'flamediff-cwd-'));
    const hash = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd }).toString();
    rmSync(cwd, { recursive: true, force: true });
    const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'png-hashes.json'), 'utf8')).py;
    expect(hash).toBe(expected);
    // And the real CLI bundle: `flamediff render` to SVG and to PNG, from an empty directory.
    const work = mkdtempSync(path.join(os.tmpdir(), 'flamediff-cli-'));
    writeFileSync(path.join(work, 'py.folded'), fixture('py.folded'));
    const cli = path.join(out, 'cli.js');
    execFileSync(process.execPath, [cli, 'render', 'py.folded', '-o', 'g.svg'], { cwd: work, stdio: 'pipe' });
    execFileSync(process.execPath, [cli, 'render', 'py.folded', '-o', 'g.png'], { cwd: work, stdio: 'pipe' });
    const fromCli = readFileSync(path.join(work, 'g.png'));
    const inProcess = await svgToPng(readFileSync(path.join(work, 'g.svg'), 'utf8'), { width: 1200 });
    rmSync(work, { recursive: true, force: true });
    expect(sha(fromCli)).toBe(sha(inProcess));
  });
});
