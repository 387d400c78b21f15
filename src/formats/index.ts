// The formats stage: one file per format (isX/importFromX), and a dispatcher that tries the name,
// then the content (dispatch.ts). A barrel: it only re-exports.
export {
  detectFormat,
  FORMATS,
  formatByName,
  importInput,
  importProfile,
  importProfileFile,
} from './dispatch.js';
export { makeInput } from './input.js';
export type {
  FormatImporter,
  FormatName,
  ImportOptions,
  PerfCollapseOptions,
  ProfileInput,
} from './types.js';
