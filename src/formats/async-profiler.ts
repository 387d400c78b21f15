import { UserError } from '../errors.js';
import type { FormatImporter } from './types.js';

// Placeholder: the async-profiler importer is written by the parsers work of the foundation issue.
export const asyncProfilerFormat: FormatImporter = {
  name: 'async-profiler',
  description: 'async-profiler (not implemented yet)',
  matchesName: () => false,
  is: () => false,
  import() {
    throw new UserError('the async-profiler format is not implemented yet');
  },
};
