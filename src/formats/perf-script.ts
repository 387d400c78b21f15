import { UserError } from '../errors.js';
import type { FormatImporter } from './types.js';

// Placeholder: the perf-script importer is written by the parsers work of the foundation issue.
export const perfScriptFormat: FormatImporter = {
  name: 'perf-script',
  description: 'perf-script (not implemented yet)',
  matchesName: () => false,
  is: () => false,
  import() {
    throw new UserError('the perf-script format is not implemented yet');
  },
};
