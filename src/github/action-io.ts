// The action's side of the runner protocol, behind one small interface so unit tests can record
// what the action says without parsing workflow commands. The default is @actions/core.
import * as core from '@actions/core';

/** Where an annotation points (paths relative to the repository root). */
export interface AnnotationPlace {
  title?: string;
  file?: string;
  startLine?: number;
}

export interface ActionIo {
  /** Raw input value ('' when unset); names as in action.yml. */
  getInput(name: string): string;
  info(line: string): void;
  warning(message: string, place?: AnnotationPlace): void;
  error(message: string, place?: AnnotationPlace): void;
  setOutput(name: string, value: string): void;
  setSecret(value: string): void;
  /** Appends Markdown to the job summary (caller keeps it under GitHub's 1 MiB limit). */
  writeSummary(markdown: string): Promise<void>;
}

/** The real runner: workflow commands on stdout, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. */
export function coreIo(): ActionIo {
  return {
    getInput: (name) => core.getInput(name),
    info: (line) => core.info(line),
    warning: (message, place) => core.warning(message, place ?? {}),
    error: (message, place) => core.error(message, place ?? {}),
    setOutput: (name, value) => core.setOutput(name, value),
    setSecret: (value) => core.setSecret(value),
    writeSummary: async (markdown) => {
      // Without GITHUB_STEP_SUMMARY (local runs) there is nowhere to write: not an error.
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(markdown, true).write();
    },
  };
}
