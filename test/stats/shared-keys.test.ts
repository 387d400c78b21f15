// A differential render compares the runs and then merges one side in the comparison's key space
// (each run's frames mapped to keys once): the report and the merge must be what they are alone.
import { describe, expect, it } from 'vitest';
import { writeFolded } from '../../src/profile/folded-writer.js';
import { compareRuns, DEFAULT_COMPARE_SETTINGS, FrameKeys, mergeConsistent } from '../../src/stats/index.js';
import { buildModel, simulateSet } from '../support/simulate.js';

const model = buildModel();
const noise = { samples: 10_000, cv: 0.02, outlierRate: 0.05 };

describe('a comparison and a merge sharing one key space', () => {
  it('give the report and the merged profile each gives alone', () => {
    const base = simulateSet(model, noise, 3, 11).map((r) => r.profile);
    const head = simulateSet(model, noise, 3, 12, 0.3, model.targets['5%']).map((r) => r.profile);
    const alone = compareRuns(
      base.map((profile) => ({ profile })),
      head.map((profile) => ({ profile })),
    );
    const mergedAlone = mergeConsistent(head);
    const keys = new FrameKeys(DEFAULT_COMPARE_SETTINGS.granularity);
    const shared = compareRuns(
      base.map((profile) => ({ profile })),
      head.map((profile) => ({ profile })),
      {},
      { keys },
    );
    const merged = mergeConsistent(head, {}, keys);
    expect(JSON.stringify(shared)).toBe(JSON.stringify(alone));
    expect(writeFolded(merged.profile)).toBe(writeFolded(mergedAlone.profile));
    expect(merged.dropped).toEqual(mergedAlone.dropped);
    expect(merged.droppedShare).toBe(mergedAlone.droppedShare);
    expect(alone.frames.some((f) => f.status === 'regressed')).toBe(true);
  });

  it('refuses a key space of another granularity or with renames', () => {
    const runs = simulateSet(model, noise, 1, 13).map((r) => r.profile);
    expect(() => mergeConsistent(runs, {}, new FrameKeys('module'))).toThrow(/granularity/);
    const renamed = new FrameKeys(DEFAULT_COMPARE_SETTINGS.granularity, [{ from: 'a', to: 'b' }]);
    expect(() => mergeConsistent(runs, {}, renamed)).toThrow(/renames/);
    expect(() =>
      compareRuns([{ profile: runs[0] }], [{ profile: runs[0] }], {}, { keys: new FrameKeys('module') }),
    ).toThrow(/granularity/);
  });
});
