// Focused probe of the PNG path (not part of `npm run bench render`): where resvg spends its time.
// Usage: node --import tsx --import ./scripts/asset-hooks.mjs bench/render/png-probe.ts FILE.svg [variant]
import { readFileSync } from 'node:fs';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import wasm from '@resvg/resvg-wasm/index_bg.wasm?binary';
import font from '../../assets/fonts/DejaVuSans.ttf?binary';
import { staticPart } from '../../src/render/png.js';

const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const [file, variant = 'static'] = process.argv.slice(2);
let svg = staticPart(readFileSync(file, 'utf8'));
if (variant === 'norx') svg = svg.replace(/ rx="2"/g, '');
if (variant === 'notext') svg = svg.replace(/<text[^>]*>[^<]*<\/text>/g, '');
if (variant === 'nog') svg = svg.replace(/<g>(<rect[^>]*\/>(?:<text[^>]*>[^<]*<\/text>)?)<\/g>/g, '$1');
if (variant === 'lean')
  svg = svg.replace(/<g>(<rect[^>]*\/>(?:<text[^>]*>[^<]*<\/text>)?)<\/g>/g, '$1').replace(/ rx="2"/g, '');
if (variant === 'family')
  svg = svg.replace('font-family="DejaVu Sans, Verdana, sans-serif"', 'font-family="DejaVu Sans"');
if (variant === 'tspan') {
  // every frame label as a <tspan> of one <text>
  const spans: string[] = [];
  svg = svg.replace(/<text x="([\d.]+)" y="([\d.]+)"( fill="#fff")?>([^<]*)<\/text>/g, (_m, x, y, f, t) => {
    spans.push(`<tspan x="${x}" y="${y}"${f ?? ''}>${t}</tspan>`);
    return '';
  });
  svg = svg.replace('</svg>', `<text>${spans.join('')}</text></svg>`);
}

const t0 = performance.now();
const c0 = cpu();
await initWasm(wasm);
console.log(`init ${(performance.now() - t0).toFixed(0)} ms wall, ${(cpu() - c0).toFixed(0)} ms CPU`);
for (let i = 0; i < 3; i++) {
  const c0 = cpu();
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: 1200 },
    background: '#ffffff',
    shapeRendering: variant === 'crisp' ? 0 : 2,
    font: { fontBuffers: [font], defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  const c1 = cpu();
  const img = r.render();
  const c2 = cpu();
  const png = img.asPng();
  const c3 = cpu();
  console.log(
    variant,
    i,
    `parse ${(c1 - c0).toFixed(0)} render ${(c2 - c1).toFixed(0)} png ${(c3 - c2).toFixed(0)} ms CPU, ${png.length} B`,
  );
  img.free();
  r.free();
}
