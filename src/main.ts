import * as core from '@actions/core';
import { errorLine } from './errors.js';

/** The action's one try/catch: anything that escapes fails the step with a one-line reason. */
export async function run(): Promise<void> {
  try {
    throw new Error('the flamediff action is not implemented yet');
  } catch (err) {
    core.setFailed(errorLine(err));
  }
}
