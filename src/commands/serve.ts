import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createBotApp, type RunningServer, startBotServer } from '../bot/app.js';
import { loadConfigFile } from '../config/load.js';
import { defaultOptions } from '../config/options.js';
import { UserError } from '../errors.js';
import { fsError } from '../lib/fs-errors.js';
import { type Command, type Io, numberFlag, parseCommandArgs } from './command.js';

const HELP = `Usage: flamediff serve [--port N] [--host H] [--config FILE] [--work-dir DIR]

Runs flamediff as a central GitHub App: it receives webhooks (signatures verified with the
webhook secret) and reacts to workflow_run completed events (fork-safe reports from artifacts),
/flamediff comment commands and the accept label, with the same code as the action.
Secrets come from the environment only (never flags, so they stay out of shell history):

  FLAMEDIFF_APP_ID              the App's id
  FLAMEDIFF_PRIVATE_KEY         the App's private key (PEM), or
  FLAMEDIFF_PRIVATE_KEY_FILE    a file holding it
  FLAMEDIFF_WEBHOOK_SECRET      the webhook secret set in the App's settings

Options:
  --port N          port to listen on (default 3000)
  --host H          address to listen on (default 127.0.0.1; put a TLS proxy in front)
  --config FILE     flamediff.yml with comparison settings for every repository
  --work-dir DIR    scratch git repositories (default .flamediff-serve; keep it private)
  --api-url URL     REST API (default $GITHUB_API_URL or https://api.github.com)
  --server-url URL  web URL for links (default https://github.com)
  --git-url TPL     clone URL template (default https://x-access-token:{token}@github.com/{owner}/{repo}.git)
  --accept-label L  label that accepts a pull request head (default performance-regression-accepted)

Webhook URL: http(s)://<host>:<port>/api/github/webhooks; GET /healthz answers "ok".
See docs/bot.md ("Central bot") for the App's permissions and events.
`;

function secret(env: NodeJS.ProcessEnv, name: string): string {
  const v = env[name];
  if (!v) throw new UserError(`flamediff serve: ${name} is not set (see \`flamediff serve --help\`)`);
  return v;
}

/** Starts the server and returns it (the command waits for a signal; tests close it). */
export async function startServe(argv: string[], io: Io): Promise<RunningServer> {
  const { values } = parseCommandArgs(
    'serve',
    argv,
    {
      port: { type: 'string' },
      host: { type: 'string' },
      config: { type: 'string' },
      'work-dir': { type: 'string' },
      'api-url': { type: 'string' },
      'server-url': { type: 'string' },
      'git-url': { type: 'string' },
      'accept-label': { type: 'string' },
    },
    false,
  );
  const port = numberFlag('serve', 'port', values.port, 3000, { min: 0, max: 65535, integer: true });
  const env = io.env;
  const keyFile = env.FLAMEDIFF_PRIVATE_KEY_FILE;
  let privateKey = env.FLAMEDIFF_PRIVATE_KEY ?? '';
  if (!privateKey && keyFile) {
    try {
      privateKey = await readFile(path.resolve(io.cwd, keyFile), 'utf8');
    } catch (err) {
      throw fsError(keyFile, "cannot read the App's private key", err);
    }
  }
  if (!privateKey.includes('PRIVATE KEY')) {
    throw new UserError(
      'flamediff serve: FLAMEDIFF_PRIVATE_KEY or FLAMEDIFF_PRIVATE_KEY_FILE must hold the App private key (PEM)',
    );
  }
  let options = defaultOptions();
  if (values.config) options = await loadConfigFile(path.resolve(io.cwd, values.config), options, true);
  options.store = 'git';
  const serverUrl = (values['server-url'] ?? 'https://github.com').replace(/\/+$/, '');
  const host = new URL(serverUrl).host;
  const app = createBotApp({
    appId: secret(env, 'FLAMEDIFF_APP_ID'),
    privateKey,
    webhookSecret: secret(env, 'FLAMEDIFF_WEBHOOK_SECRET'),
    apiUrl: (values['api-url'] ?? env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl,
    gitUrl: values['git-url'] ?? `https://x-access-token:{token}@${host}/{owner}/{repo}.git`,
    workDir: path.resolve(io.cwd, values['work-dir'] ?? '.flamediff-serve'),
    options,
    acceptLabel: values['accept-label'],
    log: (line) => io.stderr(`${new Date().toISOString()} ${line}\n`),
    runCheck: async (opts, ctx) => (await import('../pipeline/check.js')).runCheck(opts, ctx),
  });
  const log = (line: string) => io.stderr(`${new Date().toISOString()} ${line}\n`);
  const running = await startBotServer(app, port, values.host ?? '127.0.0.1', log);
  io.stdout(`flamediff serve: listening on ${running.url}/api/github/webhooks\n`);
  return running;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the bot as a GitHub App webhook server (central alternative to the action)',
  help: HELP,
  async run(argv, io) {
    const running = await startServe(argv, io);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await running.close();
    return 0;
  },
};
