// GitHub Action entry point (action.yml `main: dist/index.js`). No logic here: see main.ts.
import { run } from './main.js';

await run();
