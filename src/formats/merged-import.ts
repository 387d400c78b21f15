import { readFile, stat } from 'node:fs/promises';
import type { Profile } from '../profile/profile.js';
import { detectFormat, formatByName } from './dispatch.js';
import { parseFoldedInto } from './folded.js';
import { type FoldedTarget, foldedTarget } from './folded-core.js';
import {
  inputByteSize,
  isGzip,
  makeFileInput,
  makeInput,
  readHead,
  STREAM_FILE_AT,
  sniffEncoding,
} from './input.js';
import type { ImportOptions, ProfileInput } from './types.js';

// Several folded files read into one profile: what importing each (importProfileFile) and
// merging the profiles (mergeProfiles) gives, stack for stack and in the same order, without a
// profile per file whose every stack is then hashed and added again. `flamediff collapse a b c`
// uses it; anything it does not handle is left to the general path.

/**
 * The merged profile of `files` (absolute path + name shown in messages) when every one of them
 * is a plain folded file; undefined otherwise (nothing is parsed then: the caller imports and
 * merges as usual, which also gives its usual errors for missing or empty files).
 */
export async function importFoldedMerged(
  files: readonly { path: string; shownName: string }[],
  opts: ImportOptions = {},
): Promise<Profile | undefined> {
  const inputs: ProfileInput[] = [];
  let bytes = 0;
  for (const f of files) {
    const input = await foldedInput(f.path, f.shownName, opts);
    if (input === undefined) return undefined;
    inputs.push(input);
    bytes += inputByteSize(input);
  }
  const target: FoldedTarget = foldedTarget(bytes);
  for (const input of inputs) {
    const profile = parseFoldedInto(input, opts, target);
    // As importInput does for the first file (later files leave the metadata alone).
    profile.meta.source ??= input.fileName;
  }
  return target.profile;
}

/** The input importProfileFile would make for this file, when it would be read as folded. */
async function foldedInput(
  path: string,
  shownName: string,
  opts: ImportOptions,
): Promise<ProfileInput | undefined> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return undefined;
  }
  if (size === 0) return undefined;
  if (size >= STREAM_FILE_AT) {
    // importProfileFile streams a big UTF-8 folded file, with the format sniffed on its head.
    const head = readHead(path);
    if (isGzip(head) || sniffEncoding(head).encoding !== 'utf-8') return undefined;
    const format = opts.format ? formatByName(opts.format) : detectFormat(makeInput(shownName, head));
    return format?.name === 'folded' ? makeFileInput(path, shownName) : undefined;
  }
  const input = makeInput(shownName, await readFile(path));
  const format = opts.format ? formatByName(opts.format) : detectFormat(input);
  return format?.name === 'folded' ? input : undefined;
}
