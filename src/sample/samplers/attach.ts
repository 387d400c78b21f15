// Samplers that read another process's memory (py-spy, austin) need ptrace. When the kernel or
// the container refuses it, their stderr says "Permission denied" in their own words; this turns
// that into why and how to allow it.

/** The fix for a ptrace refusal seen in a sampler's stderr, or undefined when there is none. */
export function ptraceAdvice(sampler: string, stderrTail: string[]): string | undefined {
  const text = stderrTail.join('\n');
  if (!/permission denied|operation not permitted|insufficient permissions|EPERM|ptrace/i.test(text))
    return undefined;
  return (
    `${sampler} cannot attach to the workload (ptrace was refused): ` +
    'on Ubuntu (kernel.yama.ptrace_scope=1) run it with sudo or `sudo sysctl kernel.yama.ptrace_scope=0`; ' +
    'in Docker add `--cap-add SYS_PTRACE`; GitHub-hosted runners allow it with sudo'
  );
}
