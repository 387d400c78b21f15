import { UserError } from '../errors.js';
import type { CompareSettings } from './types.js';

/** Documented defaults (see docs/statistics.md for why each value). */
export const DEFAULT_COMPARE_SETTINGS: CompareSettings = {
  alpha: 0.01,
  minShare: 0.005,
  quorum: 0.8,
  minEffect: 0.002,
  minRelEffect: 0.05,
  granularity: 'function',
  gateFrameShare: 0.01,
  gateTotal: null,
  seed: 1,
  metric: 'share',
  sessions: 'separate',
};

/** Defaults plus overrides, checked: a bad value is a UserError naming the setting. */
export function resolveSettings(partial: Partial<CompareSettings>): CompareSettings {
  const s: CompareSettings = { ...DEFAULT_COMPARE_SETTINGS };
  for (const [k, v] of Object.entries(partial))
    if (v !== undefined) (s as unknown as Record<string, unknown>)[k] = v;
  const check = (name: string, ok: boolean, expected: string): void => {
    if (!ok) {
      const value = (s as unknown as Record<string, unknown>)[name];
      throw new UserError(
        `compare setting ${name} = ${JSON.stringify(value)} is not valid; expected ${expected}`,
      );
    }
  };
  const inUnit = (x: number, open = false): boolean =>
    Number.isFinite(x) && (open ? x > 0 && x < 1 : x >= 0 && x <= 1);
  check('alpha', inUnit(s.alpha, true), 'a number between 0 and 1 (exclusive)');
  check('minShare', inUnit(s.minShare), 'a share between 0 and 1');
  check('quorum', inUnit(s.quorum), 'a fraction between 0 and 1');
  check('minEffect', Number.isFinite(s.minEffect) && s.minEffect >= 0, 'a share >= 0');
  check('minRelEffect', Number.isFinite(s.minRelEffect) && s.minRelEffect >= 0, 'a fraction >= 0');
  check('granularity', ['function', 'line', 'module'].includes(s.granularity), 'function, line or module');
  check('gateFrameShare', Number.isFinite(s.gateFrameShare) && s.gateFrameShare >= 0, 'a share >= 0');
  check(
    'gateTotal',
    s.gateTotal === null || (Number.isFinite(s.gateTotal) && s.gateTotal >= 0),
    'null or a fraction >= 0',
  );
  check('seed', Number.isInteger(s.seed), 'an integer');
  check(
    'sessions',
    s.sessions === undefined || s.sessions === 'separate' || s.sessions === 'interleaved',
    'separate or interleaved',
  );
  check('metric', s.metric === undefined || s.metric === 'share' || s.metric === 'time', 'share or time');
  return s;
}
