import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importProfile } from '../../src/formats/index.js';
import { writeFolded } from '../../src/profile/folded-writer.js';
import { fixture, foldedMap, importFixture, kindsOf, text } from './helpers.js';

const MAIN = 'busy;__libc_start_call_main;main';

describe('perf script (stackcollapse-perf.pl semantics)', () => {
  it('collapses a recorded cpu-clock profile with periods as weights', () => {
    const p = importFixture('busy.perf');
    expect(p.meta).toMatchObject({ format: 'perf-script', sampler: 'perf', unit: 'nanoseconds' });
    expect(p.meta.extra?.event).toBe('cpu-clock');
    // 125 samples of 2004008 ns each (sum of the header periods).
    expect(p.totalWeight()).toBe(250_501_000);
    const m = foldedMap(p);
    expect(m.get(`${MAIN};middle;leaf`)).toBeGreaterThan(0);
    expect(m.get(`${MAIN};other`)).toBeGreaterThan(0);
    // Offsets (`leaf+0x33`) are stripped; `[unknown]` with an unknown module stays `[unknown]`.
    expect([...m.keys()].some((k) => k.includes('+0x'))).toBe(false);
    expect([...m.keys()].some((k) => k.startsWith('busy;[unknown];__fstat64'))).toBe(true);
    expect(kindsOf(p).busy).toBe('process');
  });

  it('writes sorted, deterministic output', () => {
    const a = writeFolded(importFixture('busy.perf'));
    const lines = a.trimEnd().split('\n');
    expect([...lines].sort()).toEqual(lines);
    expect(writeFolded(importFixture('busy.perf'))).toBe(a);
  });

  it('reads gzip-compressed perf script text', () => {
    expect(writeFolded(importFixture('busy.perf.gz'))).toBe(writeFolded(importFixture('busy.perf')));
  });

  it('names [unknown] frames after their module, and --addrs adds the address', () => {
    const plain = foldedMap(importFixture('dd.perf'));
    expect([...plain.keys()]).toContain('dd;[dd]');
    const addrs = foldedMap(importFixture('dd.perf', { perf: { addrs: true } }));
    expect([...addrs.keys()]).toContain('dd;[dd <5ba1>]');
  });

  it('annotates kernel frames with --kernel / --all and leaves them alone by default', () => {
    const plain = [...foldedMap(importFixture('dd.perf')).keys()];
    expect(plain.some((k) => k.includes('_[k]'))).toBe(false);
    const kernel = importFixture('dd.perf', { perf: { kernel: true } });
    const keys = [...foldedMap(kernel).keys()];
    expect(keys).toContain('dd;read;entry_SYSCALL_64_after_hwframe_[k];do_syscall_64_[k]');
    expect(kindsOf(kernel).do_syscall_64).toBe('kernel');
    const all = [...foldedMap(importFixture('dd.perf', { perf: { all: true } })).keys()];
    expect(all).toEqual(keys);
  });

  it('--pid and --tid name the process as comm-PID and comm-PID/TID (PID ? when absent)', () => {
    expect([...foldedMap(importFixture('busy.perf', { perf: { pid: true } })).keys()][0]).toMatch(
      /^busy-\?;/,
    );
    expect([...foldedMap(importFixture('busy.perf', { perf: { tid: true } })).keys()][0]).toMatch(
      /^busy-\?\/20113;/,
    );
    const two = foldedMap(importFixture('two-events.perf', { perf: { pid: true } }));
    expect([...two.keys()].every((k) => k.startsWith('busy-20641;'))).toBe(true);
  });

  it('keeps only the first event by default and warns, or the --event-filter one', () => {
    const warnings: string[] = [];
    const first = importFixture('two-events.perf', { onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual(['Filtering for events of type: task-clock']);
    expect(first.meta.extra?.event).toBe('cpu-clock');
    const task = importFixture('two-events.perf', { perf: { eventFilter: 'task-clock' } });
    expect(task.meta.extra?.event).toBe('task-clock');
    expect(task.totalWeight()).toBeGreaterThan(0);
    const none = () => importFixture('two-events.perf', { perf: { eventFilter: 'cycles' } });
    expect(none).toThrow('no samples in two-events.perf');
  });

  it('follows the Perl script on hand-written corner cases', () => {
    const input = [
      '# cmdline : /usr/bin/perf record -g ./app',
      'V8 WorkerThread 24636/25607 [000] 94564.109216: 100 cycles:',
      '\t7f0000000001 Foo::bar(int, char const*)+0x1a (/usr/lib/libapp.so)',
      '\t7f0000000002 (anonymous namespace)::helper(int) (/usr/lib/libapp.so)',
      '\t7f0000000003 caller->inlinee (/usr/lib/libapp.so)',
      '\t7f0000000004 "quoted;sym\'s" (/tmp/perf-25607.map)',
      '\t7f0000000005 [unknown] (/usr/lib/libz.so.1)',
      '\tffffffff81000000 do_syscall_64 ([kernel.kallsyms])',
      '',
      'java 25607 4794564.109216: 1 cycles:',
      '\t7f0000000006 Ljava/lang/Thread;::run (/tmp/perf-25607.map)',
      '',
      '',
    ].join('\n');
    const p = importProfile('corner.perf', text(input), { perf: { all: true } });
    expect(p.meta.command).toBe('/usr/bin/perf record -g ./app');
    expect(p.meta.unit).toBe('count');
    expect(foldedMap(p)).toEqual(
      new Map([
        [
          // A symbol starting with `(` is taken for a process name and skipped, as in Perl.
          'V8_WorkerThread;do_syscall_64_[k];[libz.so.1];quoted:syms_[j];caller;inlinee_[i];Foo::bar',
          100,
        ],
        ['java;java/lang/Thread:::run_[j]', 1],
      ]),
    );
  });

  it('tidies Java signatures for every process name starting with java (^java), not others', () => {
    const sample = (comm: string) =>
      `${comm} 25607 4794564.109216: 1 cycles:\n\t7f0000000006 Ljava/lang/Thread;::run (/tmp/perf-25607.map)\n\n`;
    const p = importProfile('j.perf', text(sample('java') + sample('java-worker') + sample('notjava')));
    expect(foldedMap(p)).toEqual(
      new Map([
        ['java;java/lang/Thread:::run', 1],
        ['java-worker;java/lang/Thread:::run', 1],
        ['notjava;Ljava/lang/Thread:::run', 1],
      ]),
    );
    // With --pid the name is `java-PID` (`?` when perf printed only the TID): left untidied.
    const pid = importProfile('j.perf', text(sample('java')), { perf: { pid: true } });
    expect(foldedMap(pid)).toEqual(new Map([['java-?;Ljava/lang/Thread:::run', 1]]));
  });

  it("reads the interval of a time event from perf script --header's event line", () => {
    const head = (event: string, freq: string) =>
      `# event : name = ${event}, , id = { 79 }, type = 1, size = 128, { sample_period, sample_freq } = 499, sample_type = IP|TID|PERIOD, ${freq}, enable_on_exec = 1\n`;
    const body = 'app 1 1.0: 2004008 cpu-clock:ppp:\n\t1 f (m)\n\n';
    const p = importProfile('h.perf', text(head('cpu-clock:ppp', 'freq = 1') + body));
    expect(p.meta.unit).toBe('nanoseconds');
    expect(p.meta.intervalNs).toBe(2_004_008);
    // A fixed period (-c N, no freq = 1) is not a frequency.
    const fixed = importProfile('h.perf', text(head('cpu-clock:ppp', 'disabled = 1') + body));
    expect(fixed.meta.intervalNs).toBeUndefined();
  });

  it('drops a last sample that no blank line ends, as stackcollapse-perf.pl does', () => {
    const p = importProfile(
      't.perf',
      text('ab 1 1.0: 5 cpu-clock:\n\t1 f (m)\n\nab 1 2.0: 7 cpu-clock:\n\t1 g (m)\n'),
    );
    expect(foldedMap(p)).toEqual(new Map([['ab;f', 5]]));
  });
});

const perfWorks = (() => {
  const r = spawnSync('perf', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
})();

describe.skipIf(!perfWorks)('perf script from a real perf run', () => {
  it('collapses what `perf record -g` + `perf script` write here', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flamediff-perf-'));
    try {
      const data = join(dir, 'perf.data');
      execFileSync(
        'perf',
        [
          'record',
          '-q',
          '-e',
          'cpu-clock',
          '-F',
          '999',
          '-g',
          '-o',
          data,
          '--',
          'dd',
          'if=/dev/zero',
          'of=/dev/null',
          'bs=4k',
          'count=200000',
        ],
        { stdio: 'ignore' },
      );
      const script = execFileSync('perf', ['script', '-i', data], { maxBuffer: 64 << 20 });
      const p = importProfile('real.perf', script);
      expect(p.meta.format).toBe('perf-script');
      expect(p.meta.unit).toBe('nanoseconds');
      expect(p.stackCount).toBeGreaterThan(0);
      for (const stack of foldedMap(p).keys()) expect(stack.startsWith('dd')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('perf fixture sanity', () => {
  it('fixture bytes are the recorded text', () => {
    expect(new TextDecoder().decode(fixture('busy.perf')).startsWith('busy 20113')).toBe(true);
  });
});

describe('perf script line ends', () => {
  it('reads CRLF line ends, and a last line with no line end, as LF text', () => {
    const lf = new TextDecoder().decode(fixture('busy.perf'));
    const want = writeFolded(importProfile('busy.perf', text(lf)));
    // Stack lines seen before are looked up with their line end found on the way: a `\r` there
    // must not become part of the key.
    expect(writeFolded(importProfile('busy.perf', text(lf.replace(/\n/g, '\r\n'))))).toBe(want);
    // A last sample whose last stack line has no `\n` (and no blank line: not counted).
    const cut = `${lf.trimEnd()}\n\nbusy 1 1.0: 1 cpu-clock:\n\t abc main+0x1 (/x)`;
    expect(writeFolded(importProfile('busy.perf', text(cut)))).toBe(want);
  });
});
