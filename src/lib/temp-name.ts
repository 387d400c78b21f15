// Temporary files written beside an output and renamed over it (atomic writes). The name needs
// only to be unique among this machine's live processes, which the pid and a counter give
// without loading node:crypto into every command's start-up.
let tempCount = 0;

/** A suffix for a temporary file name, unique among this machine's live processes. */
export function tempSuffix(): string {
  tempCount++;
  return `${process.pid.toString(36)}-${Date.now().toString(36)}-${tempCount}`;
}
