import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  appendHistory,
  emptyHistory,
  HISTORY_SCHEMA,
  type HistoryEntry,
  parseHistory,
  serializeHistory,
} from '../../src/history/index.js';
import { shaOf, syntheticHistory } from './synthetic.js';

function entry(i: number, frames: [string, number][]): HistoryEntry {
  return {
    sha: shaOf(i),
    date: `2026-02-${String(i + 1).padStart(2, '0')}T10:00:00.000Z`,
    total: 1.5 + i / 100,
    totalMeasure: 'seconds',
    frames: frames.map(([key, share]) => ({ key, share, selfShare: share / 2, timeSeconds: share * 1.5 })),
  };
}

function parseError(text: string, path = 'store/history/main.json'): InputError {
  try {
    parseHistory(text, path);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error('expected parseHistory to throw');
}

describe('history file', () => {
  it('round-trips through the compact schema to parts-per-million precision', () => {
    const h = syntheticHistory({ commits: 30, frames: 40, pullEvery: 3 });
    const text = serializeHistory(h);
    const back = parseHistory(text, 'h.json');
    expect(back.schema).toBe(HISTORY_SCHEMA);
    expect(back.entries.map((e) => [e.sha, e.date, e.pull, e.runs])).toEqual(
      h.entries.map((e) => [e.sha, e.date, e.pull, e.runs]),
    );
    back.entries.forEach((e, i) => {
      const orig = h.entries[i];
      expect(e.frames.map((f) => f.key)).toEqual(orig.frames.map((f) => f.key));
      e.frames.forEach((f, j) => {
        expect(Math.abs(f.share - orig.frames[j].share)).toBeLessThanOrEqual(5e-7);
        expect(Math.abs(f.selfShare - orig.frames[j].selfShare)).toBeLessThanOrEqual(5e-7);
        // Times are implied by share x total here: exact to a microsecond per second of total.
        expect(Math.abs(f.timeSeconds! - orig.frames[j].timeSeconds!)).toBeLessThanOrEqual(1e-6 * e.total);
      });
    });
    // Serialising what was parsed gives the same bytes: the format is stable.
    expect(serializeHistory(back)).toBe(text);
  });

  it('stores times explicitly when they are not the share of the total', () => {
    let h = emptyHistory('main');
    h = appendHistory(
      h,
      entry(1, [
        ['main', 1],
        ['io', 0.25],
      ]),
    );
    h = appendHistory(h, { ...entry(2, [['main', 1]]), totalMeasure: 'samples' });
    h.entries[1].frames[0].timeSeconds = null;
    const text = serializeHistory(h);
    expect(text).toContain('"t":[1500000,375000]');
    expect(text).not.toContain('"t":"total"');
    expect(parseHistory(text, 'h.json').entries).toEqual(h.entries);
    const derived = appendHistory(
      emptyHistory('main'),
      entry(0, [
        ['main', 1],
        ['io', 0.25],
      ]),
    );
    expect(serializeHistory(derived)).toContain('"t":"total"');
    expect(parseHistory(serializeHistory(derived), 'h.json').entries).toEqual(derived.entries);
  });

  it('stores frame keys once and one entry per line', () => {
    const h = syntheticHistory({ commits: 12, frames: 10 });
    const text = serializeHistory(h);
    expect(text.split('\n').filter((l) => l.startsWith('{"sha"'))).toHaveLength(12);
    expect(text.match(/handler_3"/g)).toHaveLength(1);
    expect(serializeHistory(emptyHistory('main'))).toBe(
      `{"schema":${HISTORY_SCHEMA},"branch":"main",\n"frames":[],\n"entries":[]}\n`,
    );
  });

  it('migrates schema 1 (frames as objects) to the current schema', () => {
    const v1 = {
      schema: 1,
      branch: 'main',
      entries: [
        entry(0, [
          ['main', 1],
          ['parse', 0.25],
        ]),
        { ...entry(1, [['main', 1]]), pull: 7 },
      ],
    };
    v1.entries[1].frames[0].timeSeconds = null;
    const h = parseHistory(JSON.stringify(v1), 'old.json');
    expect(h.schema).toBe(HISTORY_SCHEMA);
    expect(h.entries).toEqual(v1.entries);
    const again = parseHistory(serializeHistory(h), 'new.json');
    expect(again.entries).toEqual(v1.entries);
  });

  it('refuses a file from a newer schema, naming the file', () => {
    const err = parseError(JSON.stringify({ schema: HISTORY_SCHEMA + 1, branch: 'main', whatever: [] }));
    expect(err.message).toMatch(/^store\/history\/main\.json: schema: 3 was written by a newer flamediff/);
    expect(err.message).toContain('left untouched');
  });

  it('reports bad JSON with the file and line', () => {
    const err = parseError('{"schema":2,"branch":"main",\n"frames":[],\n"entries":[}\n');
    expect(err.message).toMatch(/^store\/history\/main\.json:3: not valid JSON/);
    expect(err.message).toContain('expected a flamediff history file');
  });

  it('reports a wrong shape with the field that is wrong and what was expected', () => {
    const good = JSON.parse(serializeHistory(syntheticHistory({ commits: 3, frames: 3 })));
    const cases: [unknown, RegExp][] = [
      [[], /top level: an array \(expected an object\)/],
      [{ ...good, schema: undefined }, /schema: undefined \(expected a finite number >= 1\)/],
      [{ ...good, schema: 0 }, /schema: 0 \(expected a finite number >= 1\)/],
      [{ ...good, branch: 3 }, /branch: 3 \(expected a string\)/],
      [{ ...good, frames: {} }, /frames: an object \(expected an array\)/],
      [
        { ...good, entries: [{ ...good.entries[0], sha: 12 }] },
        /entries\[0\]\.sha: 12 \(expected a string\)/,
      ],
      [
        { ...good, entries: [{ ...good.entries[0], sha: '../x' }] },
        /entries\[0\]\.sha: "\.\.\/x" \(expected a hex commit sha\)/,
      ],
      [
        { ...good, entries: [{ ...good.entries[0], date: 'garbage' }] },
        /entries\[0\]\.date: "garbage" \(expected an ISO date\)/,
      ],
      [{ ...good, entries: [{ ...good.entries[0], total: -1 }] }, /entries\[0\]\.total: -1/],
      [
        { ...good, entries: [{ ...good.entries[0], f: [0, 1], t: undefined }] },
        /entries\[0\]\.f: 2 numbers \(expected a multiple of 3\)/,
      ],
      [
        { ...good, entries: [{ ...good.entries[0], f: [9, 1, 1], t: undefined }] },
        /entries\[0\]\.f\[0\]: frame index 9 \(expected < 3\)/,
      ],
      [
        { ...good, entries: [{ ...good.entries[0], f: [0, 0.5, 1], t: undefined }] },
        /entries\[0\]\.f\[1\]: 0\.5 \(expected an integer >= 0\)/,
      ],
      [{ ...good, entries: [{ ...good.entries[0], pull: 'x' }] }, /entries\[0\]\.pull: "x"/],
      [
        { schema: 1, branch: 'main', entries: [{ ...entry(0, [['a', 1]]), frames: [{ key: 'a' }] }] },
        /entries\[0\]\.frames\[0\]\.share: undefined/,
      ],
    ];
    for (const [value, re] of cases) {
      const err = parseError(JSON.stringify(value), 'h.json');
      expect(err.message).toMatch(/^h\.json: /);
      expect(err.message).toMatch(re);
      expect(err.message).not.toContain('\n');
    }
  });
});

describe('appendHistory', () => {
  it('adds entries in order and replaces an entry with the same sha in place', () => {
    let h = emptyHistory('main');
    h = appendHistory(h, entry(0, [['a', 1]]));
    h = appendHistory(h, entry(1, [['a', 1]]));
    h = appendHistory(h, { ...entry(0, [['a', 0.9]]), total: 9 });
    expect(h.entries.map((e) => e.sha)).toEqual([shaOf(0), shaOf(1)]);
    expect(h.entries[0].total).toBe(9);
  });

  it('keeps each entry to its top K frames plus frames already tracked', () => {
    let h = emptyHistory('main');
    h = appendHistory(
      h,
      entry(0, [
        ['a', 1],
        ['b', 0.5],
        ['c', 0.1],
      ]),
      { topK: 2 },
    );
    expect(h.entries[0].frames.map((f) => f.key)).toEqual(['a', 'b']);
    // 'b' fell to the bottom but stays tracked; 'c' is in the top 2 now and joins.
    h = appendHistory(
      h,
      entry(1, [
        ['a', 1],
        ['c', 0.6],
        ['b', 0.05],
        ['d', 0.01],
      ]),
      { topK: 2 },
    );
    expect(h.entries[1].frames.map((f) => f.key)).toEqual(['a', 'c', 'b']);
  });

  it('caps entries and tracked frames', () => {
    let h = emptyHistory('main');
    for (let i = 0; i < 8; i++)
      h = appendHistory(
        h,
        entry(i, [
          ['a', 1],
          [`f${i}`, 0.1 + i / 100],
        ]),
        { maxEntries: 5, maxFrames: 4 },
      );
    expect(h.entries.map((e) => e.sha)).toEqual([3, 4, 5, 6, 7].map((i) => shaOf(i)));
    const keys = new Set(h.entries.flatMap((e) => e.frames.map((f) => f.key)));
    expect([...keys].sort()).toEqual(['a', 'f5', 'f6', 'f7']);
  });
});

describe('jsonErrorOffset', () => {
  it('agrees with JSON.parse on valid text and points at the first bad character', async () => {
    const { jsonErrorOffset } = await import('../../src/history/json-offset.js');
    for (const ok of ['{}', '[1,2,{"a":"b\\u00e9"}]', ' {"x": [true, false, null, -1.5e3]} ']) {
      expect(jsonErrorOffset(ok)).toBe(ok.length);
    }
    expect(jsonErrorOffset('{"a":1,}')).toBe(7);
    expect(jsonErrorOffset('[1 2]')).toBe(3);
    expect(jsonErrorOffset('{"a":tru}')).toBe(8);
    expect(jsonErrorOffset('{"a":"x')).toBe(7);
    expect(jsonErrorOffset('{} x')).toBe(3);
  });
});
