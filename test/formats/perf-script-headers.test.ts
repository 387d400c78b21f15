import { describe, expect, it } from 'vitest';
import { collapsePerfScript } from '../../src/formats/perf-script.js';
import type { PerfCollapseOptions, ProfileInput } from '../../src/formats/types.js';
import { writeFolded } from '../../src/profile/folded-writer.js';

// Sample headers are read from their bytes when they have the usual shape (headerBytes) and by
// the Perl regexes otherwise; the text path (no bytes) always uses the regexes. Both must give
// the same samples for every header, usual or not.

function collapse(text: string, options: PerfCollapseOptions, asBytes: boolean) {
  const warnings: string[] = [];
  const input: ProfileInput = {
    fileName: 'h.perf',
    bytes: asBytes ? Buffer.from(text) : new Uint8Array(0),
    text: () => text,
  };
  try {
    const p = collapsePerfScript(input, options, { onWarning: (m) => warnings.push(m) });
    return { folded: writeFolded(p), meta: p.meta, warnings };
  } catch (err) {
    return { error: String(err) };
  }
}

/** Header variants: comm, the pid/tid part, the middle, the period/event tail. */
const COMMS = ['perf', 'ab', 'a', 'java', 'java-w', 'my prog', 'x:y', '#x', 'ü1', 'pool-1 42', 'q\t'];
const IDS = ['123', '123/456', '123/0', '0/7', '123/', '123//4', '12a', ''];
const MIDDLES = [' [001] 1410597.984841:', ' 28075375.239433:', ' [000]', '', ' 1.5: 7: ', ':12 '];
const TAILS = [
  ' cpu-clock:',
  ' 250000 cpu-clock:',
  ' 000 cpu-clock:',
  ' 0 cpu-clock:',
  ' cycles:u:',
  '  99  sched:sched_switch:  ',
  ' instructions:',
  ' 12 34 cpu-clock:',
  ' cpu-clock',
  ' cpu\u00a0clock:',
  ':',
  ' 250000\tcpu-clock:',
  ' 1234567890123456789 cpu-clock:',
];

function headers(): string[] {
  const out: string[] = [];
  let k = 0;
  for (const comm of COMMS)
    for (const ids of IDS)
      for (const middle of MIDDLES) {
        // Every tail with some of the combinations, all of them with one (the product is large).
        const tails = k++ % 7 === 0 ? TAILS : [TAILS[k % TAILS.length]];
        for (const tail of tails) out.push(`${comm} ${ids}${middle}${tail}`);
      }
  return out;
}

describe('perf script sample headers read from bytes', () => {
  for (const [name, options] of [
    ['default options', {}],
    ['--all', { all: true }],
    ['--pid', { pid: true }],
    ['--event-filter cycles:u', { eventFilter: 'cycles:u' }],
  ] as const) {
    it(`give the samples the regexes give, for usual and odd headers (${name})`, () => {
      const all = headers();
      expect(all.length).toBeGreaterThan(500);
      for (const h of all) {
        // Each header twice (the second sample sees the event filter the first one set), then a
        // sample of another event, to see filtering and its warning.
        const text = `${h}\n\tabc main (/bin/p)\n\n${h}\n\tdef work (/bin/p)\n\nzz 9 1.0: other-ev:\n\tabc main (/bin/p)\n\n`;
        expect(collapse(text, options, true), h).toEqual(collapse(text, options, false));
      }
    });
  }

  it('reads the usual headers into the expected samples', () => {
    const text = 'my-app 12/34 [001] 1.5: 250000 cpu-clock:\n\tabc main (/bin/p)\n\n';
    const r = collapse(text, {}, true);
    expect(r.folded).toBe('my-app;main 250000\n');
  });
});
