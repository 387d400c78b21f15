// The analysis stage: run sets -> comparison report, pictures and facts (pure). A barrel.
export { analyse, reportJson, withReport } from './analyse.js';
export {
  firstLines,
  historyEntry,
  machineText,
  machineWarning,
  type SideTotals,
  sideTotals,
  type TopFrame,
  topFrames,
} from './facts.js';
export type * from './types.js';
