// The CLI's dispatch: a mistyped command or flag gets a "did you mean" hint, on one line, exit 2.
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli-main.js';

async function cli(...argv: string[]) {
  let stderr = '';
  const code = await runCli(argv, {
    stdout: () => {},
    stderr: (t) => void (stderr += t),
    isTTY: false,
    cwd: process.cwd(),
    env: {},
  });
  return { code, stderr };
}

describe('did you mean', () => {
  it('names the closest command', async () => {
    const r = await cli('chek');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^flamediff: unknown command 'chek' \(did you mean 'check'\?\); expected one of /,
    );
    expect((await cli('zzzzzz')).stderr).not.toContain('did you mean');
  });

  it('names the closest flag of the command, without node:util advice', async () => {
    const r = await cli('compare', '--base', 'a', '--head', 'b', '--gate-frame-shar', '0.02');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "flamediff compare: Unknown option '--gate-frame-shar'; did you mean --gate-frame-share? (see `flamediff compare --help`)\n",
    );
  });
});
