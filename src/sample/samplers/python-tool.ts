// Python tools that run the workload inside their own interpreter (Fil, memray): with a command
// that starts with a Python interpreter (`python3 bench.py`) the tool runs as that interpreter's
// module (`python3 -m memray run ... bench.py`), so it profiles the same Python the workload
// names; otherwise the tool's own script on PATH runs the command as a script
// (`memray run ... bench.py`).
import { UserError } from '../../errors.js';
import type { SamplerEnv } from '../sampler.js';
import { lastLines, parseVersion, runTool } from '../tool.js';
import { isPythonInterpreter } from './python.js';

export interface PythonTool {
  /** Name in messages, e.g. 'Fil'. */
  label: string;
  /** `python -m <module>`. */
  module: string;
  /** The console script on PATH. */
  script: string;
  /** `pip install <package>`. */
  pipPackage: string;
}

/** The argv that starts the tool, and the workload's argv after the interpreter (if any). */
export function toolInvocation(tool: PythonTool, command: string[]): { tool: string[]; rest: string[] } {
  const [first, ...rest] = command;
  if (first && isPythonInterpreter(first)) return { tool: [first, '-m', tool.module], rest };
  return { tool: [tool.script], rest: command };
}

export function installHint(tool: PythonTool): string {
  return `\`pip install ${tool.pipPackage}\` into the Python that runs the workload (in the action: set the input \`install-sampler: true\`)`;
}

/** Checks that the tool runs and returns its version; the error names the package that installs it. */
export async function checkPythonTool(tool: PythonTool, env: SamplerEnv): Promise<string> {
  const { tool: argv } = toolInvocation(tool, env.command);
  const v = await runTool([...argv, '--version'], { env: env.env, cwd: env.cwd });
  const out = `${v.stdout}\n${v.stderr}`;
  const where = argv.length > 1 ? `for ${argv[0]}` : `(no \`${tool.script}\` on PATH)`;
  if (v.error === 'ENOENT') {
    throw new UserError(
      argv.length > 1
        ? `${argv[0]} is not installed; install Python, then ${installHint(tool)}`
        : `${tool.label} is not installed ${where}; install it with ${installHint(tool)}`,
    );
  }
  if (/No module named/.test(out)) {
    throw new UserError(`${tool.label} is not installed ${where}; install it with ${installHint(tool)}`);
  }
  const version = parseVersion(v.stdout) || parseVersion(v.stderr);
  if (v.code !== 0 || !version) {
    throw new UserError(
      `\`${[...argv, '--version'].join(' ')}\` failed (${lastLines(out, 2).join(' | ') || `exit ${v.code}`}); reinstall with ${installHint(tool)}`,
    );
  }
  return version;
}
