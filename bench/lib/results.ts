// Each benchmark owns one section of bench/RESULTS.md, delimited by HTML comments, and rewrites
// only that section: benchmarks can run alone or together without clobbering each other.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RESULTS = path.resolve(import.meta.dirname, '..', 'RESULTS.md');

const HEADER = `# Benchmark results

Written by \`npm run bench\` (each benchmark rewrites only its own section). Every section states
the command, the date and the machine it was measured on. Tests never assert wall-clock times;
these figures are the measurements.
`;

export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  let kernel = os.release();
  try {
    kernel = execSync('uname -sr').toString().trim();
  } catch {}
  return `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${kernel}, Node ${process.version}`;
}

/** Replaces (or appends) the section `id` with `markdown`, stamped with command, date and machine. */
export function writeSection(id: string, title: string, command: string, markdown: string): void {
  const body = [
    `<!-- begin:${id} -->`,
    `## ${title}`,
    '',
    `- Command: \`${command}\``,
    `- Date: ${new Date().toISOString().slice(0, 19).replace('T', ' ')} UTC`,
    `- Machine: ${machineLine()}`,
    '',
    markdown.trim(),
    `<!-- end:${id} -->`,
  ].join('\n');
  let text = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : HEADER;
  const re = new RegExp(`<!-- begin:${id} -->[\\s\\S]*?<!-- end:${id} -->`);
  text = re.test(text) ? text.replace(re, body) : `${text.trimEnd()}\n\n${body}\n`;
  writeFileSync(RESULTS, text);
}

/** Median of numbers (for repeated timings). */
export { median } from '../../src/lib/math.js';
