// GitHub Action entry point (action.yml `main: dist/index.js`). No logic here: see main.ts.
import { run } from './main.js';

await run();
// The step has its verdict: nothing may hold the job any longer (e.g. the retry wait of an API
// call that the reporting budget or a cancel cut off).
process.exit();
