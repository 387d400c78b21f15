// The Actions runner's step protocol, written directly: workflow commands on stdout, outputs in
// the GITHUB_OUTPUT file, the summary in GITHUB_STEP_SUMMARY. Same wire format as @actions/core,
// whose bundle drags in an HTTP client (undici, ~770 KiB) for OIDC tokens we never ask for and
// which would double the action's cold start. Escaping follows @actions/core's command.ts.
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import type { ActionIo, AnnotationPlace } from './action-io.js';

type Env = Record<string, string | undefined>;

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::name key=value,...::message` (properties in a fixed order, empty ones left out). */
export function workflowCommand(
  name: string,
  props: Record<string, string | number | undefined>,
  message: string,
): string {
  const list = Object.entries(props)
    .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${name}${list.length ? ` ${list.join(',')}` : ''}::${escapeData(message)}`;
}

function annotationProps(p: AnnotationPlace | undefined): Record<string, string | number | undefined> {
  return { title: p?.title, file: p?.file, line: p?.startLine };
}

/** `name<<DELIM\nvalue\nDELIM`: the multi-line-safe file format (the delimiter is random). */
export function fileCommand(name: string, value: string): string {
  const delim = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delim) || value.includes(delim))
    throw new Error(`output ${name}: value contains the delimiter`);
  return `${name}<<${delim}${EOL}${value}${EOL}${delim}${EOL}`;
}

export function runnerIo(
  env: Env = process.env,
  write: (s: string) => void = (s) => process.stdout.write(s),
): ActionIo {
  const line = (s: string) => write(`${s}${EOL}`);
  return {
    getInput: (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
    info: (s) => line(s),
    warning: (m, p) => line(workflowCommand('warning', annotationProps(p), m)),
    error: (m, p) => line(workflowCommand('error', annotationProps(p), m)),
    setOutput: (name, value) => {
      const file = env.GITHUB_OUTPUT;
      if (file) appendFileSync(file, fileCommand(name, value), 'utf8');
      else line(workflowCommand('set-output', { name }, value));
    },
    setSecret: (s) => line(workflowCommand('add-mask', {}, s)),
    writeSummary: async (md) => {
      // Without GITHUB_STEP_SUMMARY (local runs) there is nowhere to write: not an error.
      if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, md, 'utf8');
    },
    // What core.setFailed does.
    setFailed: (m) => {
      process.exitCode = 1;
      line(workflowCommand('error', {}, m));
    },
  };
}
