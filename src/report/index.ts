// Report stage: view model (pure) -> Markdown comment, job summary and console text.
export { renderConsole } from './console.js';
export { age, pct, pp, seconds, signedPct } from './format.js';
export { mdCode, mdFence, mdText, safeUrl, stripControl } from './markdown.js';
export {
  COMMENT_LIMIT,
  renderBaselineSummary,
  renderComment,
  renderSummary,
  SHRINK_STEPS,
} from './render.js';
export {
  buildView,
  type Detail,
  FULL_DETAIL,
  type MeasuredFacts,
  type ReportInput,
  type ReportView,
} from './view-model.js';
