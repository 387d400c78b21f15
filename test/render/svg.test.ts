import { describe, expect, it } from 'vitest';
import { Profile } from '../../src/profile/profile.js';
import { jsonForScript, renderDiffSvg, renderFlameSvg, renderTextFlame } from '../../src/render/index.js';
import { compareRuns } from '../../src/stats/index.js';
import { expectGolden } from '../support/golden.js';
import { comparison, fixture, foldedProfile, frameResult } from './helpers.js';

const py = () => foldedProfile(fixture('py.folded'));

/** The frames' rect fills keyed by the label drawn in them (first match). */
function fillOf(svg: string, text: string): string | undefined {
  const re = /<rect [^>]*fill="(#[0-9a-f]{6})"[^>]*\/><text [^>]*>([^<]*)<\/text>/g;
  for (const m of svg.matchAll(re)) if (m[2].endsWith(text)) return m[1];
  return undefined;
}

function data(svg: string): { fr: unknown[][]; d: number[]; x?: (string[] | null)[]; total: number } {
  const m = /<script type="application\/json" id="fd-data">([^<]*)<\/script>/.exec(svg);
  if (!m) throw new Error('no data blob');
  return JSON.parse(m[1]);
}

describe('flame SVG', () => {
  it('matches the golden files (flame, icicle, width order, palettes)', () => {
    expectGolden('render/py.svg', renderFlameSvg(py(), { title: 'py fixture' }));
    expectGolden(
      'render/py-icicle.svg',
      renderFlameSvg(py(), { direction: 'icicle', order: 'width', subtitle: 'icicle, by width' }),
    );
    expectGolden(
      'render/mixed.svg',
      renderFlameSvg(foldedProfile(fixture('mixed.folded')), { colorDiffusion: true }),
    );
    expectGolden(
      'render/evil.svg',
      renderFlameSvg(foldedProfile(fixture('evil.folded')), { title: '<b>"title"</b> & co' }),
    );
  });

  it('a flame chart keeps input order (it ranks no labels); the default sorts siblings by label', () => {
    const p = foldedProfile('m;z 5\nm;a 1\nm;k 3\n');
    const siblings = (svg: string): string[] => {
      const { fr, d } = data(svg);
      const out: string[] = [];
      for (let o = 0; o < d.length; o += 7) if (d[o + 1] === 2) out.push(`${fr[d[o]][0]}@${d[o + 2]}`);
      return out;
    };
    expect(siblings(renderFlameSvg(p, { flamechart: true }))).toEqual(['z@0', 'a@5', 'k@6']);
    expect(siblings(renderFlameSvg(p))).toEqual(['a@0', 'k@1', 'z@4']);
  });

  it('is deterministic', () => {
    expect(renderFlameSvg(py())).toBe(renderFlameSvg(py()));
  });

  it('is self-contained: no external references', () => {
    const svg = renderFlameSvg(foldedProfile(fixture('evil.folded')));
    expect(svg).not.toMatch(/\s(href|xlink:href|src)="/);
    expect(svg).not.toMatch(/url\(|@import/);
  });

  it('escapes hostile names in text, attributes and script data', () => {
    const svg = renderFlameSvg(foldedProfile(fixture('evil.folded')), {
      title: '</title><script>alert(9)</script>',
    });
    expect(svg.match(/<script/g)?.length).toBe(2); // our data blob and our script, nothing else
    expect(svg).not.toMatch(/<image|<svg onload|<b>|<!-- comment/);
    expect(svg).not.toMatch(/[\u0001\u0007]/);
    const blob = /id="fd-data">([^<]*)<\/script>/.exec(svg)?.[1] ?? '';
    expect(blob).not.toMatch(/[<>&\u2028\u2029]/);
    const names = data(svg).fr.map((f) => f[0]);
    expect(names).toContain('</script><script>alert(1)</script>');
    expect(names).toContain('"><image href=x onerror=alert(2)>');
    const script = svg.slice(svg.indexOf('<![CDATA['));
    // The embedded script can neither end its element nor its CDATA section early.
    expect(script.slice(0, script.lastIndexOf(']]>'))).not.toMatch(/<\/script/i);
    expect(script.indexOf(']]>')).toBe(script.lastIndexOf(']]>'));
  });

  it('JSON for <script> escapes every character that could end or confuse the element', () => {
    const s = jsonForScript({ a: '</script><!--]]>&\u2028\u2029\uffff' });
    expect(s).not.toMatch(/[<>&\u2028\u2029\uffff]/);
    expect(JSON.parse(s).a).toBe('</script><!--]]>&\u2028\u2029\uffff');
  });

  it('draws a clear "no samples" picture for an empty profile', () => {
    const svg = renderFlameSvg(new Profile());
    expect(svg).toContain('No samples');
    expectGolden('render/empty.svg', svg);
  });

  it('keeps the pruned weight for the tooltip', () => {
    const lines = ['root;big 100000'];
    for (let i = 0; i < 30; i++) lines.push(`root;tiny${i} 1`);
    const d = data(renderFlameSvg(foldedProfile(lines.join('\n')))).d;
    // frame 1 is `root`: stride 7, pruned weight and count at offsets 5 and 6
    expect(d[7 + 5]).toBe(30);
    expect(d[7 + 6]).toBe(30);
  });

  it('paints frames under 1 px as merged strips of their mean colour, keeping them all in the data', () => {
    const lines = ['main;wide 3000'];
    for (let i = 0; i < 1000; i++) lines.push(`main;many;s${i} 1`);
    const svg = renderFlameSvg(foldedProfile(lines.join('\n')), { palette: 'grey' });
    const d = data(svg);
    expect(d.d.length / 7).toBe(1004); // all, main, many, wide and 1,000 slivers of 0.295 px
    const strips = /<g id="fd-strips">(.*?)<\/g>/.exec(svg)?.[1] ?? '';
    const rects = [
      ...strips.matchAll(/<rect x="([\d.]+)" y="\d+" width="([\d.]+)" height="15" fill="(#[0-9a-f]{6})"\/>/g),
    ];
    expect(strips.match(/<rect /g)?.length).toBe(rects.length);
    // 295 px of touching slivers, at most 1 px a strip, together exactly as wide as `many`
    expect(rects.length).toBeGreaterThanOrEqual(295);
    expect(rects.length).toBeLessThan(400);
    for (const r of rects) expect(Number(r[2])).toBeLessThanOrEqual(1);
    const covered = rects.reduce((a, r) => a + Number(r[2]), 0);
    expect(covered).toBeCloseTo(295, 0);
    // grey palette: every sliver is a grey, so is their mean
    for (const r of rects) expect(r[3].slice(1, 3)).toBe(r[3].slice(3, 5));
    // no element per sliver outside the strips, and no label for them
    const outside = svg.replace(/<g id="fd-strips">.*?<\/g>/, '');
    expect(outside.match(/<rect [^>]*height="15"/g)?.length).toBe(4);
    expect(svg).not.toContain('>s1<');
  });

  it('colours by language: own code, stdlib and site-packages differ; same function same colour', () => {
    const svg = renderFlameSvg(py());
    const own = fillOf(svg, 'app.py:main');
    const std = fillOf(svg, 'socket.py:sendall');
    const lib = fillOf(svg, 'requests/api.py:get');
    expect(new Set([own, std, lib]).size).toBe(3);
    expect(renderFlameSvg(py())).toContain(own);
  });

  it('rejects an unknown palette with the list of known ones', () => {
    expect(() => renderFlameSvg(py(), { palette: 'rainbow' })).toThrow(
      /unknown palette 'rainbow'; expected one of auto/,
    );
  });

  it('renders 5,000-deep and 200k-leaf profiles', () => {
    const deep = new Profile();
    const ids: number[] = [];
    for (let d = 0; d < 5000; d++) ids.push(deep.intern({ name: `frame_${d}` }));
    deep.addStack(ids, 10);
    const deepSvg = renderFlameSvg(deep);
    expect(deepSvg).toContain('height="80086"');
    expect(data(deepSvg).d.length / 7).toBe(5001);

    const wide = new Profile();
    const root = wide.intern({ name: 'root' });
    for (let i = 0; i < 200_000; i++) wide.addStack([root, wide.intern({ name: `leaf_${i}` })], 1 + (i % 7));
    const wideSvg = renderFlameSvg(wide);
    const d = data(wideSvg).d;
    expect(d.length / 7).toBe(2); // every leaf is narrower than 0.1 px: all, root
    expect(d[7 + 6]).toBe(200_000);
  });
});

describe('differential SVG', () => {
  const base = foldedProfile('main;work 30\nmain;io 30\nmain;idle 40\nmain;steady 20\n');
  const head = foldedProfile('main;work 50\nmain;io 10\nmain;idle 40\nmain;steady 22\nmain;fresh 8\n');
  const report = comparison([
    frameResult('work', 'regressed', 0.25, 0.38),
    frameResult('io', 'improved', 0.25, 0.08),
    frameResult('steady', 'inconclusive', 0.16, 0.17),
    frameResult('fresh', 'new', 0, 0.06),
    frameResult('main', 'unchanged', 1, 1),
  ]);

  it('colours only significant frames: red grew, blue shrank, grey otherwise; marks new', () => {
    const svg = renderDiffSvg(base, head, report);
    const work = fillOf(svg, 'work') as string;
    const io = fillOf(svg, 'io') as string;
    const steady = fillOf(svg, 'steady') as string;
    const red = (h: string) => Number.parseInt(h.slice(1, 3), 16);
    const blue = (h: string) => Number.parseInt(h.slice(5, 7), 16);
    expect(red(work)).toBeGreaterThan(blue(work) + 100);
    expect(blue(io)).toBeGreaterThan(red(io) + 100);
    expect(red(steady)).toBe(blue(steady)); // neutral grey
    expect(svg).toMatch(/stroke-dasharray="3,2"\/><text[^>]*>fresh</);
    expectGolden('render/diff.svg', svg);
  });

  it('saturation follows the size of the change', () => {
    const small = comparison([
      frameResult('work', 'regressed', 0.25, 0.27),
      frameResult('io', 'regressed', 0.1, 0.3),
    ]);
    const svg = renderDiffSvg(base, head, small);
    const green = (h: string) => Number.parseInt(h.slice(3, 5), 16);
    expect(green(fillOf(svg, 'work') as string)).toBeGreaterThan(green(fillOf(svg, 'io') as string));
  });

  it('states scale, runs per side and the test in the legend', () => {
    const svg = renderDiffSvg(base, head, comparison(report.frames, 7));
    expect(svg).toContain('Runs: base 7, head 7');
    expect(svg).toContain('test: Mann-Whitney U');
    expect(svg).toContain('+17.00 pp grew');
  });

  it('the visible legend line names the side that gives the widths at the default width', () => {
    const long = comparison(report.frames);
    long.settings.test = 'Overdispersed quasi-binomial per-frame test: a long explanation';
    for (const negate of [false, true]) {
      const svg = renderDiffSvg(base, head, long, { negate });
      const line = /<text x="10" y="33" fill="#333">([^<]*)<\/text>/.exec(svg)?.[1] ?? '';
      expect(line).toContain(`widths: ${negate ? 'base' : 'head'}`);
    }
  });

  it('says so when no change is significant instead of a 0.00 pp scale', () => {
    const none = comparison([frameResult('work', 'unchanged', 0.25, 0.26)]);
    const svg = renderDiffSvg(base, head, none);
    const legend = /<g id="fd-legend"[^>]*>(.*?)<\/g>/s.exec(svg)?.[1].replace(/<title>.*?<\/title>/s, '');
    expect(legend).not.toContain('0.00 pp');
    expect(legend).toContain('no significant change');
  });

  it('tooltips carry before/after, change with CI, and status', () => {
    const d = data(renderDiffSvg(base, head, report));
    const i = d.fr.findIndex((f) => f[0] === 'work');
    const lines = (d.x as string[][])[i];
    expect(lines[0]).toMatch(
      /^before 25\.00% \u2192 after 38\.00% \(inclusive share, mean of 5 vs 5 runs\)$/,
    );
    expect(lines[1]).toMatch(/^change \+13\.00 pp \(\+52\.0%\), 95% CI \[\+12\.00 pp, \+14\.00 pp\]$/);
    expect(lines[2]).toBe('status: regressed, q = 0.0040');
  });

  it('negate takes widths from base, so frames that vanished are drawn', () => {
    const b = foldedProfile('main;gone 10\nmain;work 10\n');
    const h = foldedProfile('main;work 20\n');
    const r = comparison([frameResult('gone', 'gone', 0.5, 0), frameResult('work', 'regressed', 0.5, 1)]);
    expect(renderDiffSvg(b, h, r)).not.toMatch(/>gone</);
    const neg = renderDiffSvg(b, h, r, { negate: true });
    expect(neg).toMatch(/stroke-dasharray="3,2"\/><text[^>]*>gone</);
    expect(neg).toContain('widths: base');
  });

  it('colour-blind scale uses orange and purple', () => {
    const svg = renderDiffSvg(base, head, report, { colorBlind: true });
    expect(svg).toContain('orange grew, purple shrank');
    expect(fillOf(svg, 'work')).not.toBe(fillOf(renderDiffSvg(base, head, report), 'work'));
  });

  it('matches frames by function when the comparison is at function granularity', () => {
    const b = foldedProfile('main (a.py:1);hot (a.py:10) 10\nmain (a.py:1);hot (a.py:11) 10\n');
    const h = foldedProfile('main (a.py:1);hot (a.py:10) 30\n');
    const r = comparison([frameResult('hot (a.py)', 'regressed', 0.5, 0.9)]);
    const svg = renderDiffSvg(b, h, r);
    expect(fillOf(svg, 'a.py:hot')).toMatch(/^#d7/);
  });

  it("colours and marks an anonymous function's change: its function-level key keeps the line", () => {
    // Real statistics, so the keys are the ones src/stats builds: `(anonymous) (w.mjs:23)` and
    // `<lambda> (w.py:7)` keep their lines at function granularity (two lambdas of one file are
    // different functions); the graph once looked them up without the line and drew them grey.
    for (const [file, anon] of [
      ['w.mjs', '(anonymous)'],
      ['w.py', '<lambda>'],
    ]) {
      const run = (hot: number) =>
        foldedProfile(
          `main (${file}:1);work (${file}:5);${anon} (${file}:23) ${hot}\nmain (${file}:1);rest (${file}:9) 600\n`,
        );
      const base = [400, 404, 396, 402, 398].map((n) => ({ profile: run(n) }));
      const head = [640, 636, 644, 638, 642].map((n) => ({ profile: run(n) }));
      const report = compareRuns(base, head);
      const r = report.frames.find((f) => f.name === anon);
      expect(r?.key).toBe(`${anon} (${file}:23)`);
      expect(r?.status).toBe('regressed');
      const svg = renderDiffSvg(base[0].profile, head[0].profile, report);
      const fill = fillOf(svg, `${file}:${anon}`.replace('<', '&lt;').replace('>', '&gt;')) as string;
      expect(Number.parseInt(fill.slice(1, 3), 16)).toBeGreaterThan(
        Number.parseInt(fill.slice(5, 7), 16) + 100,
      );
      const d = data(svg);
      const i = d.fr.findIndex((f) => f[0] === anon);
      expect((d.x as string[][])[i].join('\n')).toMatch(/status: regressed/);
      const text = renderTextFlame(head[0].profile, { comparison: report });
      expect(text).toMatch(new RegExp(`${anon.replace(/[()]/g, '\\$&')} \\(${file}:23\\)\\s+\u25b2 \\+`));
    }
  });

  it('an empty head still gives a picture', () => {
    expect(renderDiffSvg(base, new Profile(), report)).toContain('No samples');
  });
});
