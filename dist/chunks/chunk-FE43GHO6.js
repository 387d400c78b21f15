#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  describeApiError
} from "./chunk-O2JFN5XP.js";

// src/bot/status.ts
var STATUS_CONTEXT = "flamediff";
async function setCommitStatus(b, sha, state, description, targetUrl) {
  try {
    await b.client.request("POST /repos/{owner}/{repo}/statuses/{sha}", {
      owner: b.owner,
      repo: b.repo,
      sha,
      state,
      context: STATUS_CONTEXT,
      // GitHub limits descriptions to 140 characters.
      description: description.length > 140 ? `${description.slice(0, 139)}\u2026` : description,
      ...targetUrl ? { target_url: targetUrl } : {}
    });
    b.log(`flamediff: commit status '${STATUS_CONTEXT}' on ${sha.slice(0, 12)}: ${state} (${description})`);
    return true;
  } catch (err) {
    b.warn(describeApiError("Setting the commit status", err, { permission: "statuses: write" }));
    return false;
  }
}

export {
  setCommitStatus
};
