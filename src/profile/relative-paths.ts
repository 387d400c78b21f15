// Source paths relative to the checkout a profile was recorded in, so stored baselines stay valid
// on another runner (another absolute path), a rerun's worktree and the head checkout name the
// same file alike, and reports show `src/x.py`, not `/home/runner/work/repo/repo/src/x.py`.
import { realpathSync } from 'node:fs';
import type { Profile } from './profile.js';
import { mapFrames } from './transform.js';

/** `p` with file paths under `root` (plain or file:// URLs) made relative to it; other paths kept. */
function relativeProfile(p: Profile, root: string): Profile {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  const url = `file://${prefix}`;
  let touched = false;
  for (let id = 0; id < p.frames.size && !touched; id++) {
    const f = p.frame(id).file;
    touched = f.startsWith(prefix) || f.startsWith(url);
  }
  if (!touched) return p;
  return mapFrames(p, (f) => {
    if (f.file.startsWith(prefix)) return { ...f, file: f.file.slice(prefix.length) };
    if (f.file.startsWith(url)) return { ...f, file: decodeURIComponent(f.file.slice(url.length)) };
    return f;
  });
}

/** relativeProfile under both spellings of `root` (samplers may report /private/tmp for /tmp). */
export function relativeToCheckout(p: Profile, root: string): Profile {
  let real = root;
  try {
    real = realpathSync(root);
  } catch {}
  return real === root ? relativeProfile(p, root) : relativeProfile(relativeProfile(p, root), real);
}
