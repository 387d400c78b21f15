// Report stage: view model (pure) -> Markdown comment, job summary and console text. A barrel.
export { renderConsole } from './console.js';
export { age, pct, pp, seconds, signedPct } from './format.js';
export { mdCode, mdFence, mdText, safeUrl, stripControl } from './markdown.js';
export { type Presentation, type PresentFacts, present, reportInput } from './present.js';
export {
  COMMENT_LIMIT,
  renderBaselineSummary,
  renderComment,
  renderSummary,
  SHRINK_STEPS,
} from './render.js';
export type * from './types.js';
export { buildView, FULL_DETAIL } from './view-model.js';
