// Child process of bench/render.bench.ts (bundled with esbuild so `?raw`/`?binary` imports work):
// one measurement per process, so the peak RSS it reports is that task's own.
import { readFileSync, writeFileSync } from 'node:fs';
import { importProfile } from '../../src/formats/index.js';
import { renderFlameSvg, svgToPng } from '../../src/render/index.js';

const [task, input, output] = process.argv.slice(2);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
/** CPU seconds used so far: the machine may be shared, so wall time alone can mislead. */
const cpuMs = () => {
  const c = process.cpuUsage(cpu0);
  return (c.user + c.system) / 1000;
};
const result: Record<string, number | string> = {};
if (task === 'folded') {
  const bytes = readFileSync(input);
  const t1 = performance.now();
  const profile = importProfile(input, bytes, { format: 'folded' });
  const t2 = performance.now();
  const c2 = cpuMs();
  const svg = renderFlameSvg(profile, { title: '1M-line folded' });
  const t3 = performance.now();
  result.parseCpuMs = c2;
  result.renderCpuMs = cpuMs() - c2;
  writeFileSync(output, svg);
  result.readMs = t1 - t0;
  result.parseMs = t2 - t1;
  result.renderMs = t3 - t2;
  result.totalMs = t3 - t0;
  result.svgBytes = Buffer.byteLength(svg);
  // Frames drawn: the script's data has one entry (stride 7) per frame, slivers included.
  const blob = /id="fd-data">([^<]*)<\/script>/.exec(svg)?.[1] ?? '{"d":[]}';
  result.frames = JSON.parse(blob).d.length / 7;
  result.elements = (svg.match(/<(rect|text) /g) ?? []).length;
  result.stacks = profile.stackCount;
} else if (task === 'png') {
  const svg = readFileSync(input, 'utf8');
  // Compile and instantiate the wasm once (what the first call of a process pays extra).
  const t1 = performance.now();
  await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
  const t2 = performance.now();
  const c2 = cpuMs();
  const png = await svgToPng(svg, { width: 1200 });
  const t3 = performance.now();
  const c3 = cpuMs();
  const png2 = await svgToPng(svg, { width: 1200 });
  const t4 = performance.now();
  result.againCpuMs = cpuMs() - c3;
  writeFileSync(output, png);
  result.initMs = t2 - t1;
  result.initCpuMs = c2;
  result.renderMs = t3 - t2;
  result.renderCpuMs = c3 - c2;
  result.againMs = t4 - t3;
  result.pngBytes = png.length;
  result.same = Buffer.from(png).equals(Buffer.from(png2)) ? 'yes' : 'no';
}
result.cpuMs = cpuMs();
result.maxRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify(result));
