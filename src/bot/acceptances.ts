// Who accepted a pull request's performance changes, when, why, and for which head commit. Kept in
// the store under acceptances/<n>.json, not under pulls/<n>/: writePullReport replaces pulls/<n>/
// on every report, and a re-run of the same commit must still see its acceptance.
import { InputError } from '../errors.js';
import { mdCode, mdText } from '../report/markdown.js';
import { jsonBytes, readJson } from '../store/json-file.js';
import { layout } from '../store/layout.js';
import type { StoreReader, StoreTx } from '../store/types.js';

export interface Acceptance {
  /** Head commit accepted: a later push is not covered. */
  sha: string;
  /** GitHub login of the person who accepted (write access checked through the API). */
  by: string;
  at: string;
  reason: string;
  via: 'comment' | 'label';
  /** The command comment, when accepted by comment. */
  commentUrl?: string;
}

interface AcceptanceFile {
  schema: 1;
  pull: number;
  /** Oldest first, bounded. */
  acceptances: Acceptance[];
}

const KEEP = 50;

export function acceptancePath(pull: number): string {
  if (!Number.isInteger(pull) || pull < 1) throw new Error(`pull request number ${pull} is not valid`);
  return layout.acceptances(pull);
}

export async function readAcceptances(reader: StoreReader, pull: number): Promise<Acceptance[]> {
  const path = acceptancePath(pull);
  const file = await readJson<AcceptanceFile>(
    reader,
    path,
    'an acceptances file ({ schema, pull, acceptances })',
  );
  if (!file) return [];
  if (!Array.isArray(file.acceptances)) {
    throw new InputError(
      reader.describe(path),
      undefined,
      'expected "acceptances": [{ sha, by, at, reason }, ...]',
    );
  }
  return file.acceptances.filter(
    (a) => typeof a?.sha === 'string' && typeof a.by === 'string' && typeof a.at === 'string',
  );
}

/** The acceptance that covers exactly `sha` of pull request `pull` (the latest one), or null. */
export async function isAccepted(reader: StoreReader, pull: number, sha: string): Promise<Acceptance | null> {
  const all = await readAcceptances(reader, pull);
  for (let i = all.length - 1; i >= 0; i--) if (all[i].sha === sha) return all[i];
  return null;
}

/** Stages one more acceptance (older ones stay as the record of who accepted what). */
export async function addAcceptance(tx: StoreTx, pull: number, a: Acceptance): Promise<void> {
  const list = await readAcceptances(tx, pull);
  list.push(a);
  const file: AcceptanceFile = { schema: 1, pull, acceptances: list.slice(-KEEP) };
  tx.write(acceptancePath(pull), jsonBytes(file));
}

export const ACCEPT_START = '<!-- flamediff:accepted -->';
export const ACCEPT_END = '<!-- /flamediff:accepted -->';

/** The Markdown block the sticky comment carries for an accepted commit (all user text escaped). */
export function acceptanceBlock(a: Acceptance): string {
  const reason = a.reason ? `: ${mdText(a.reason)}` : '';
  const how = a.via === 'label' ? 'by label' : 'with `/flamediff accept`';
  return [
    ACCEPT_START,
    `> [!NOTE]`,
    `> **Accepted** ${how} by ${mdCode(a.by)} at ${a.at.replace(/\.\d+Z$/, 'Z')} for ${mdCode(a.sha.slice(0, 12))}${reason}.`,
    '> The gate passes for this commit only: a new push is compared again and needs a new acceptance.',
    ACCEPT_END,
  ].join('\n');
}

/**
 * Puts the acceptance block into a sticky comment body (replacing an earlier one), right after the
 * first line (the hidden marker) so it is the first thing people read.
 */
export function withAcceptance(body: string, a: Acceptance): string {
  const block = acceptanceBlock(a);
  const start = body.indexOf(ACCEPT_START);
  const end = body.indexOf(ACCEPT_END);
  if (start >= 0 && end > start) return body.slice(0, start) + block + body.slice(end + ACCEPT_END.length);
  const nl = body.indexOf('\n');
  if (nl < 0) return `${body}\n${block}\n`;
  return `${body.slice(0, nl + 1)}${block}\n\n${body.slice(nl + 1)}`;
}
