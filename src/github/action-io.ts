// The action's side of the runner protocol, behind one small interface so unit tests can record
// what the action says without parsing workflow commands. The real one is runner-commands.ts.

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
  /** Fails the step: an error line and exit status 1. */
  setFailed(message: string): void;
}
