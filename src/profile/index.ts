export { formatWeight, sanitizeLabel, writeFolded, writeFoldedChunks } from './folded-writer.js';
export { frameLabel, kindFromFile, type LabelOptions, parseFrameLabel } from './frame-label.js';
export { FrameTable } from './frame-table.js';
export { Profile } from './profile.js';
export { StackTable } from './stack-table.js';
export { type FrameTotals, frameTotals } from './totals.js';
export {
  atGranularity,
  type FilterOptions,
  filterProfile,
  type Granularity,
  mapFrames,
  mergeProfiles,
} from './transform.js';
export * from './types.js';
