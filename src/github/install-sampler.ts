// `install-sampler: true`: make the sampler usable on a GitHub-hosted runner before measuring.
// Every step is skipped when already satisfied, and a failure is a warning: the sampler's own
// error (which names what is missing) comes later if it really cannot run.
import { readFileSync } from 'node:fs';
import type { SamplerName } from '../sample/index.js';
import { runTool } from '../sample/tool.js';

type Log = (line: string) => void;

async function has(argv: string[]): Promise<boolean> {
  return (await runTool(argv)).code === 0;
}

async function step(argv: string[], log: Log, warn: Log, timeoutMs = 300_000): Promise<boolean> {
  log(`$ ${argv.join(' ')}`);
  const r = await runTool(argv, { timeoutMs });
  if (r.code === 0) return true;
  const why = r.error ?? (r.stderr.trim().split('\n').pop() || `exit status ${r.code}`);
  warn(`install-sampler: '${argv.join(' ')}' failed (${why})`);
  return false;
}

async function pipInstall(pkg: string, log: Log, warn: Log): Promise<void> {
  if (await step(['python3', '-m', 'pip', 'install', '--quiet', pkg], log, warn)) return;
  // Debian/Ubuntu system Pythons refuse plain pip installs (PEP 668); the runner image allows this.
  await step(['python3', '-m', 'pip', 'install', '--quiet', '--break-system-packages', pkg], log, warn);
}

function readSysctl(name: string): number | null {
  try {
    return Number(readFileSync(`/proc/sys/${name.replace(/\./g, '/')}`, 'utf8').trim());
  } catch {
    return null;
  }
}

async function preparePerf(log: Log, warn: Log): Promise<void> {
  if (!(await has(['perf', '--version']))) {
    const kernel = (await runTool(['uname', '-r'])).stdout.trim();
    await step(['sudo', 'apt-get', 'update', '-qq'], log, warn);
    // The kernel-specific package has the real perf; linux-tools-common only has the wrapper.
    await step(
      ['sudo', 'apt-get', 'install', '-y', '-qq', 'linux-tools-common', `linux-tools-${kernel}`],
      log,
      warn,
    );
  }
  // Ubuntu runners ship perf_event_paranoid = 4 (no user-space profiling) and hidden kernel symbols.
  const paranoid = readSysctl('kernel.perf_event_paranoid');
  if (paranoid !== null && paranoid > 1)
    await step(['sudo', 'sysctl', '-q', 'kernel.perf_event_paranoid=1'], log, warn);
  if (readSysctl('kernel.kptr_restrict') === 1)
    await step(['sudo', 'sysctl', '-q', 'kernel.kptr_restrict=0'], log, warn);
}

export async function installSampler(sampler: SamplerName, log: Log, warn: Log): Promise<void> {
  switch (sampler) {
    case 'py-spy':
      if (!(await has(['py-spy', '--version']))) await pipInstall('py-spy', log, warn);
      return;
    case 'austin':
      if (!(await has(['austin', '--version']))) await pipInstall('austin-dist', log, warn);
      return;
    case 'fil':
      if (!(await has(['python3', '-c', 'import filprofiler']))) await pipInstall('filprofiler', log, warn);
      return;
    case 'memray':
      if (!(await has(['python3', '-c', 'import memray']))) await pipInstall('memray', log, warn);
      return;
    case 'perf':
      await preparePerf(log, warn);
      return;
    default:
      // node --cpu-prof, cProfile, Go's pprof and 'command' need nothing beyond the runtime.
      return;
  }
}
