#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-KISOPUCP.js";

// src/github/api-error.ts
var ApiFaultError = class extends UserError {
  constructor(endpoint2, fault, message) {
    super(message);
    this.endpoint = endpoint2;
    this.fault = fault;
  }
  endpoint;
  fault;
  name = "AbortError";
};
function isRequestError(err) {
  return typeof err === "object" && err !== null && typeof err.status === "number" && typeof err.request === "object";
}
function endpoint(err) {
  const method = err.request?.method ?? "?";
  let path = err.request?.url ?? "?";
  try {
    path = new URL(path).pathname;
  } catch {
  }
  return `${method} ${path}`;
}
function githubMessage(err) {
  const data = err.response?.data;
  const m = typeof data?.message === "string" ? data.message : err.message;
  return m.split("\n")[0].replace(/ - https:\/\/docs\.github\.com\S*/, "");
}
function fix(err, hints) {
  const perm = hints.permission ? `\`${hints.permission}\`` : "the needed permission";
  switch (err.status) {
    case 401:
      return "the token is invalid or expired: check the github-token input (default ${{ github.token }}).";
    case 403:
      if (/rate limit/i.test(githubMessage(err)))
        return "GitHub rate limit: retry later or use a token with a higher limit.";
      if (hints.fork) {
        return "pull requests from forks get a read-only token: use the fork-safe two-workflow setup (docs/bot.md).";
      }
      return `the token lacks ${perm}: add it to the workflow's permissions: block (docs/action.md#permissions).`;
    case 404:
      return `not found, or the token cannot see it: check the repository and that the token has ${perm}.`;
    case 410:
      return "the resource is gone (e.g. issues or comments disabled for the repository).";
    case 422:
      return "GitHub rejected the request body (for a comment: too long or malformed); please report this as a flamediff bug.";
    default:
      if (err.status >= 500) return "GitHub had a server error (retried already): re-run the job later.";
      return "see the GitHub message above.";
  }
}
function describeApiError(what, err, hints = {}) {
  if (err instanceof ApiFaultError) return `${what} failed: ${err.message}.`;
  if (!isRequestError(err)) return `${what} failed: ${err instanceof Error ? err.message : String(err)}`;
  return `${what} failed: ${endpoint(err)} returned ${err.status} (${githubMessage(err)}). Fix: ${fix(err, hints)}`;
}

export {
  ApiFaultError,
  isRequestError,
  describeApiError
};
