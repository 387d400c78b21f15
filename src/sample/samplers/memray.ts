// memray: a tracing memory profiler for Python. `memray run` records every allocation to a
// binary capture; `memray transform csv` then reports the allocations alive at the peak (memray's
// "high watermark", its default report) with their stacks. flamediff folds those rows into
// stacks weighted in bytes (frames `file.py:LINE (function)`, the same form as Fil's) and reads
// them with src/formats/memory.ts, so a run's profile is where the memory was at its peak.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../errors.js';
import { importProfile } from '../../formats/index.js';
import {
  type Collected,
  optionFlag,
  type RunContext,
  type Sampler,
  type SamplerEnv,
  type SamplerInfo,
  type SamplerPlan,
} from '../sampler.js';
import { lastLines, runTool } from '../tool.js';
import { checkPythonTool, installHint, type PythonTool, toolInvocation } from './python-tool.js';

export const MEMRAY: PythonTool = {
  label: 'memray',
  module: 'memray',
  script: 'memray',
  pipPackage: 'memray',
};
const CAPTURE = 'memray.bin';
const CSV = 'memray.csv';

export const memraySampler: Sampler = {
  name: 'memray',
  summary: 'memray run + transform csv: peak memory of a Python workload, in bytes',
  takesRate: false,
  optionNames: ['native'],
  defaultRateHz: null,
  install: installHint(MEMRAY),
  autoInstall: ['python3', '-m', 'pip', 'install', 'memray'],
  async check(env: SamplerEnv): Promise<SamplerInfo> {
    return { version: await checkPythonTool(MEMRAY, env) };
  },
  plan(ctx: RunContext): SamplerPlan {
    const { tool, rest } = toolInvocation(MEMRAY, ctx.command);
    const native = optionFlag(ctx.options, 'native') ? ['--native'] : [];
    const argv = [...tool, 'run', '-q', ...native, '-o', path.join(ctx.workDir, CAPTURE)];
    return { argv: [...argv, ...rest], workloadIndex: argv.length, timer: 'outer' };
  },
  async collect(ctx: RunContext): Promise<Collected> {
    const { tool } = toolInvocation(MEMRAY, ctx.command);
    const capture = path.join(ctx.workDir, CAPTURE);
    const csv = path.join(ctx.workDir, CSV);
    const r = await runTool([...tool, 'transform', 'csv', '-f', '-o', csv, capture], {
      env: ctx.env,
      cwd: ctx.cwd,
      timeoutMs: 300_000,
    });
    if (r.code !== 0) {
      throw new UserError(
        `\`memray transform csv\` failed on the run's capture (${lastLines(r.stderr + r.stdout, 3).join(' | ') || `exit ${r.code}`})`,
      );
    }
    let text: string;
    try {
      text = await readFile(csv, 'utf8');
    } catch {
      throw new UserError(`memray transform wrote no CSV (${csv})`);
    }
    const folded = memrayCsvToFolded(text, csv);
    const bytes = new TextEncoder().encode(folded);
    const file = path.join(ctx.workDir, 'memray.mem.folded');
    const profile = importProfile(file, bytes, { format: 'memory' });
    profile.meta.sampler = 'memray';
    return { profile, bytes, ext: 'mem.folded', format: 'memory', parts: 1 };
  },
};

const HEADER = ['allocator', 'num_allocations', 'size', 'tid', 'thread_name', 'stack_trace'];

/**
 * Folds `memray transform csv` rows (`allocator,num_allocations,size,tid,thread_name,
 * stack_trace`, the stack leaf first as `function;file;line|...`) into folded stacks, root
 * first, weighted in bytes. Identical stacks are summed; lines are sorted (deterministic output).
 */
export function memrayCsvToFolded(text: string, fileName: string): string {
  const rows = parseCsv(text);
  const header = rows.shift() ?? [];
  if (HEADER.some((h, i) => header[i] !== h)) {
    throw new UserError(`${fileName}:1: expected memray's CSV header \`${HEADER.join(',')}\``);
  }
  const sums = new Map<string, number>();
  rows.forEach((row, i) => {
    if (row.length === 1 && row[0] === '') return;
    const size = Number(row[2]);
    if (row.length !== HEADER.length || !Number.isInteger(size) || size < 0) {
      throw new UserError(`${fileName}:${i + 2}: expected ${HEADER.length} fields with a size in bytes`);
    }
    const frames = row[5]
      .split('|')
      .filter((f) => f !== '')
      .map(memrayFrame)
      .reverse();
    const stack = frames.length ? frames.join(';') : '[no Python stack]';
    sums.set(stack, (sums.get(stack) ?? 0) + size);
  });
  return [...sums]
    .filter(([, v]) => v > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k} ${v}\n`)
    .join('');
}

/** `function;file;line` -> `file:line (function)`; separators inside names are neutralised. */
function memrayFrame(f: string): string {
  const parts = f.split(';');
  const line = parts.length >= 3 ? parts[parts.length - 1] : '0';
  const fn = parts[0];
  const file = parts.length >= 3 ? parts.slice(1, -1).join(',') : (parts[1] ?? '?');
  const clean = (s: string) => s.replace(/[;\n\r]/g, ',');
  return `${clean(file)}:${/^\d+$/.test(line) ? line : '0'} (${clean(fn)})`;
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
