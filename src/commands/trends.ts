// `flamediff trends`: per-frame history of a branch with change points and creeping regressions,
// as text, JSON or the HTML dashboard. Reads history/<branch>.json from the configured store (a
// directory or the data branch), or from a file.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { applySettingFlags, settingFlags, settingsHelp } from '../config/flags.js';
import { CONFIG_FILE, loadConfigFile } from '../config/load.js';
import { suggestKey } from '../config/schema.js';
import { buildDashboard, buildDashboardPage } from '../dashboard/index.js';
import { UserError } from '../errors.js';
import { analyzeHistory, creepNote, type TrendReport } from '../history/analyze.js';
import { parseHistory } from '../history/parse.js';
import type { HistoryFile } from '../history/types.js';
import { fsError } from '../lib/fs-errors.js';
import { shortSha } from '../lib/sha.js';
import { repoRoot } from '../pipeline/git-info.js';
import { readHistory } from '../store/baselines.js';
import { checkBranch } from '../store/layout.js';
import { openStore } from '../store/open.js';
import type { Store, StoreReader } from '../store/types.js';
import { type Command, type Io, numberFlag, parseCommandArgs } from './command.js';

const HELP = `Usage: flamediff trends [options]

Shows the per-frame history recorded on a branch's baselines: each frame's share over time, its
change points (E-Divisive means with a permutation test) and frames creeping up slowly.

Options:
  --branch B         branch whose history to read (default: the only one stored, else main)
  --frame REGEX      only frames whose name matches REGEX
  --format F         text (default), json, or html (the dashboard as one self-contained page)
  --out DIR          with --format html: write the dashboard site (index.html + files) to DIR
  --top N            frames listed in text output (default 20; 0 = all)
  --fail-on-creep    exit 1 when a (matching) frame is creeping
  --history FILE     read this history file instead of the store's
  --repo-url URL     https://github.com/owner/repo, for commit and PR links in html output
  --config FILE      settings file (default ./flamediff.yml at the repository root when it exists)

${settingsHelp('trends', 'Store (the same flags as check; docs/store.md):')}
Exit status: 0 ok, 1 creeping with --fail-on-creep, 2 bad input.
Defaults of the analysis are documented in docs/trends.md.

Examples:
  flamediff trends
  flamediff trends --branch main --frame 'json|parse' --fail-on-creep
  flamediff trends --format html --out site/
`;

const OPTIONS = {
  branch: { type: 'string' },
  frame: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  top: { type: 'string' },
  'fail-on-creep': { type: 'boolean' },
  history: { type: 'string' },
  'repo-url': { type: 'string' },
  config: { type: 'string' },
  ...settingFlags('trends'),
} as const;

/** Writes the dashboard's files under `dir` (created when missing). */
async function writeSite(dir: string, files: Map<string, string | Uint8Array>): Promise<void> {
  try {
    for (const [name, data] of files) {
      const file = path.join(dir, name);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data);
    }
  } catch (err) {
    throw fsError(dir, 'cannot write the dashboard', err);
  }
}

/** Branches with a history in the store, sorted. */
async function storedBranches(store: StoreReader): Promise<string[]> {
  const files = await store.list('history');
  return files
    .filter((f) => f.startsWith('history/') && f.endsWith('.json'))
    .map((f) => f.slice('history/'.length, -'.json'.length))
    .sort();
}

/** The branch asked for, else the only one stored, else main/master; an unknown one lists them. */
async function chooseBranch(store: Store, asked: string | undefined): Promise<string> {
  const names = await storedBranches(store);
  const where = `${store.kind} store ${store.location}`;
  if (names.length === 0) {
    throw new UserError(
      `${store.describe('history')}: no history recorded (expected baselines from \`flamediff check\` on the base branch, or --store-dir DIR / --store git)`,
    );
  }
  if (asked !== undefined) {
    checkBranch(asked);
    if (names.includes(asked)) return asked;
    const near = suggestKey(asked, names);
    throw new UserError(
      `flamediff trends: no history for branch '${asked}' in the ${where}${near ? ` (did you mean '${near}'?)` : ''}; stored: ${names.join(', ')}`,
    );
  }
  if (names.length === 1) return names[0];
  for (const b of ['main', 'master']) if (names.includes(b)) return b;
  throw new UserError(
    `flamediff trends: several branches have history in the ${where} (${names.join(', ')}); choose one with --branch`,
  );
}

async function loadHistoryFile(file: string): Promise<HistoryFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw fsError(file, 'cannot read the history', err);
  }
  return parseHistory(text, file);
}

function frameFilter(source: string | undefined): ((key: string) => boolean) | undefined {
  if (source === undefined) return undefined;
  try {
    const re = new RegExp(source);
    return (k) => re.test(k);
  } catch (err) {
    throw new UserError(
      `flamediff trends: --frame '${source}' is not a valid regular expression (${(err as Error).message})`,
    );
  }
}

/** Terminal output must not carry control characters from frame names. */
// Controls, bidi overrides/isolates/marks and line separators from frame names would drive the
// terminal, reorder the line (Trojan Source) or break it.
const printable = (s: string) =>
  s.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '?');
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const signed = (r: number | null) => (r === null ? 'new' : `${r >= 0 ? '+' : ''}${(r * 100).toFixed(1)}%`);

/** The history's total measures in words (the file's key names never reach the user). */
const MEASURE_NAMES: Readonly<Record<string, string>> = {
  wallSeconds: 'wall time',
  cpuSeconds: 'CPU time',
  profileSeconds: 'profiled time',
  samples: 'samples',
};

export function trendsText(r: TrendReport, top: number): string {
  const n = r.commits.length;
  const out: string[] = [];
  const span = n ? `${r.commits[0].date.slice(0, 10)} .. ${r.commits[n - 1].date.slice(0, 10)}` : 'none';
  out.push(
    `flamediff trends: ${printable(r.branch)}, ${n} baseline${n === 1 ? '' : 's'} (${span}), ${r.frames.length} frame${r.frames.length === 1 ? '' : 's'}`,
  );
  if (n === 0) return `${out.join('\n')}\nNo baselines recorded yet.\n`;
  const unit = /seconds$/i.test(r.totalMeasure) ? ' s' : ' samples';
  const total = r.total;
  out.push(
    `total: ${total.values[n - 1].toPrecision(4)}${unit} per run (${MEASURE_NAMES[r.totalMeasure] ?? printable(r.totalMeasure)})`,
  );
  for (const c of total.changePoints)
    out.push(
      `  shift at ${shortSha(c.sha)}: ${c.before.toPrecision(4)}${unit} -> ${c.after.toPrecision(4)}${unit} (${signed(c.relative)}, p=${c.pValue.toFixed(3)})`,
    );
  const shown = top > 0 ? r.frames.slice(0, top) : r.frames;
  out.push('', `frames (${shown.length} of ${r.frames.length}, largest latest share first):`);
  for (const f of shown) {
    out.push(`  ${pct(f.latest).padStart(7)}  ${f.sparkline}  ${printable(f.key)}`);
    for (const c of f.changePoints)
      out.push(
        `           shift at ${shortSha(c.sha)}: ${pct(c.before)} -> ${pct(c.after)} (${signed(c.relative)}, p=${c.pValue.toFixed(3)})`,
      );
    if (f.creep) out.push(`           ${creepNote(f.creep)}`);
  }
  const creeping = r.frames.filter((f) => f.creep);
  out.push('', creeping.length ? `${creeping.length} creeping frame(s):` : 'no creeping frames');
  for (const f of creeping) out.push(`  ${printable(f.key)}`);
  return `${out.join('\n')}\n`;
}

/** JSON output: the analysis without the per-entry self shares (the history file has them). */
export function trendsJson(r: TrendReport): string {
  const frames = r.frames.map(({ self: _self, ...f }) => f);
  return `${JSON.stringify({ schema: 1, ...r, frames }, null, 2)}\n`;
}

/** The history of the chosen branch in the configured store (flamediff.yml, then flags). */
async function historyFromStore(v: Record<string, unknown>, io: Io): Promise<HistoryFile> {
  const store = v.store as string | undefined;
  if (store !== undefined && store !== 'dir' && store !== 'git') {
    throw new UserError(
      `flamediff trends: --store '${store}' is not valid (expected dir or git; the directory of the dir store is --store-dir DIR)`,
    );
  }
  const cwd = (await repoRoot(io.cwd)) ?? io.cwd;
  const config =
    v.config === undefined ? path.join(cwd, CONFIG_FILE) : path.resolve(io.cwd, v.config as string);
  const opts = await loadConfigFile(config, undefined, v.config !== undefined);
  applySettingFlags(opts, v, 'trends');
  // --store-dir given here is relative to where the user typed it, as every path flag.
  if (v['store-dir'] !== undefined) opts.storeDir = path.resolve(io.cwd, v['store-dir'] as string);
  const s = await openStore(opts, cwd);
  try {
    return await readHistory(s, await chooseBranch(s, v.branch as string | undefined));
  } finally {
    await s.close();
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  const parsed = parseCommandArgs('trends', argv, OPTIONS, false);
  const { positionals } = parsed;
  const v = parsed.values as Record<string, string | undefined> & { 'fail-on-creep'?: boolean };
  if (positionals.length) throw new UserError(`flamediff trends: unexpected argument '${positionals[0]}'`);
  const format = v.format ?? 'text';
  if (!['text', 'json', 'html'].includes(format))
    throw new UserError(`flamediff trends: --format '${format}' is not valid; expected text, json or html`);
  if (v.out !== undefined && format !== 'html')
    throw new UserError('flamediff trends: --out needs --format html');
  const top = numberFlag('trends', 'top', v.top, 20, { min: 0, integer: true });
  const filter = frameFilter(v.frame);
  const history =
    v.history === undefined
      ? await historyFromStore(v, io)
      : await loadHistoryFile(path.resolve(io.cwd, v.history as string));
  const filtered: HistoryFile = filter
    ? {
        ...history,
        entries: history.entries.map((e) => ({ ...e, frames: e.frames.filter((f) => filter(f.key)) })),
      }
    : history;
  const report = analyzeHistory(filtered);
  if (format === 'json') io.stdout(trendsJson(report));
  else if (format === 'text') io.stdout(trendsText(report, top));
  else {
    const opts = { repoUrl: v['repo-url'] };
    if (v.out !== undefined) {
      const dir = path.resolve(io.cwd, v.out);
      await writeSite(dir, buildDashboard(filtered, opts));
      io.stderr(`flamediff trends: wrote the dashboard to ${dir}/index.html\n`);
    } else io.stdout(buildDashboardPage(filtered, opts));
  }
  return v['fail-on-creep'] && report.creeping.length > 0 ? 1 : 0;
}

export const trendsCommand: Command = {
  name: 'trends',
  summary: 'per-frame history: change points, creeping regressions, dashboard',
  help: HELP,
  run,
};
