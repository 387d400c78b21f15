// Runs the built action the way the Actions runner does: `node dist/index.js` in the workspace,
// every input as INPUT_<NAME> (action.yml defaults filled in), the GITHUB_* variables, and the
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files the step writes to.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
/** The action under test: the committed dist/ (FLAMEDIFF_DIST points elsewhere, e.g. a fresh build). */
export const DIST = path.resolve(REPO_ROOT, process.env.FLAMEDIFF_DIST ?? 'dist', 'index.js');

export interface StepRun {
  code: number;
  /** The signal that ended the process, if one did (the runner's SIGKILL after a cancel). */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** Workflow commands (::error file=...::message) the step printed. */
  commands: { name: string; props: Record<string, string>; message: string }[];
}

export interface StepEnv {
  workspace: string;
  eventName: string;
  eventPayload: unknown;
  sha: string;
  ref: string;
  apiUrl: string;
  inputs: Record<string, string>;
  token: string;
  extraEnv?: Record<string, string>;
  /**
   * Cancels the step the way the runner does: once `when()` is true (polled), SIGTERM (or
   * `signal`), then SIGKILL 7.5 s later if the process is still there.
   */
  cancel?: { when: () => boolean; signal?: NodeJS.Signals };
  /** The node that runs the action (default: the one running the tests). */
  node?: string;
}

/** `INPUT_<NAME>` as the runner spells it: upper case, spaces to underscores, dashes kept. */
function inputVar(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

function actionDefaults(token: string): Record<string, string> {
  const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(action.inputs)) {
    const d = v.default ?? '';
    out[k] = d.includes('github.token') ? token : d;
  }
  return out;
}

/** Parses GITHUB_OUTPUT (`name<<DELIMITER\nvalue\nDELIMITER`, as @actions/core writes it). */
function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].match(/^([^<=]+)<<(.+)$/);
    if (m) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
      out[m[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const [k, ...v] = lines[i].split('=');
      out[k] = v.join('=');
    }
  }
  return out;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProp(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

function parseCommands(stdout: string): StepRun['commands'] {
  const out: StepRun['commands'] = [];
  for (const line of stdout.split('\n')) {
    const m = line.match(/^::([a-z-]+)(?: ([^:]*))?::(.*)$/);
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const i = kv.indexOf('=');
      props[kv.slice(0, i)] = unescapeProp(kv.slice(i + 1));
    }
    out.push({ name: m[1], props, message: unescapeData(m[3]) });
  }
  return out;
}

export async function runStep(s: StepEnv): Promise<StepRun> {
  const files = mkdtempSync(path.join(os.tmpdir(), 'flamediff-runner-'));
  const eventPath = path.join(files, 'event.json');
  writeFileSync(eventPath, JSON.stringify(s.eventPayload, null, 2));
  const outputFile = path.join(files, 'output');
  const summaryFile = path.join(files, 'summary');
  for (const f of [outputFile, summaryFile, path.join(files, 'env'), path.join(files, 'state')])
    writeFileSync(f, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.homedir(),
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: files,
    GITHUB_WORKSPACE: s.workspace,
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_REPOSITORY_OWNER: 'Codertocat',
    GITHUB_EVENT_NAME: s.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: s.sha,
    GITHUB_REF: s.ref,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: s.apiUrl,
    GITHUB_GRAPHQL_URL: `${s.apiUrl}/graphql`,
    GITHUB_RUN_ID: '1658821493',
    GITHUB_JOB: 'perf',
    GITHUB_ACTION: '__flamediff',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ENV: path.join(files, 'env'),
    GITHUB_STATE: path.join(files, 'state'),
    ...s.extraEnv,
  };
  const inputs = { ...actionDefaults(s.token), ...s.inputs };
  for (const [k, v] of Object.entries(inputs)) env[inputVar(k)] = v;
  const child = spawn(s.node ?? process.execPath, [DIST], {
    cwd: s.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => {
    stdout += b.toString('utf8');
  });
  child.stderr.on('data', (b: Buffer) => {
    stderr += b.toString('utf8');
  });
  let poll: NodeJS.Timeout | undefined;
  let kill: NodeJS.Timeout | undefined;
  const cancel = s.cancel;
  if (cancel) {
    poll = setInterval(() => {
      if (!cancel.when()) return;
      clearInterval(poll);
      child.kill(cancel.signal ?? 'SIGTERM');
      kill = setTimeout(() => child.kill('SIGKILL'), 7500);
    }, 50);
  }
  const [code, signal] = await new Promise<[number, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (c, sig) => resolve([c ?? 1, sig])),
  );
  clearInterval(poll);
  clearTimeout(kill);
  return {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    commands: parseCommands(stdout),
  };
}
