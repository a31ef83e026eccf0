/**
 * Turns a valibot issue into a sentence a reader can act on, naming where in
 * the file the problem is: "highlights[3].selectors[0].exact: expected a string".
 */
import type * as v from 'valibot';

const NOUNS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  Object: 'an object',
  Array: 'a list',
  array: 'a list',
  object: 'an object',
};

/** `highlights[3].selectors[0].exact` for an issue's path (empty at the top level). */
export function issuePath(issue: v.BaseIssue<unknown>, root = ''): string {
  let out = root;
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** What was wrong, without the path. */
export function issueProblem(issue: v.BaseIssue<unknown>): string {
  // Our schemas' own messages are already written for people; valibot's defaults start with "Invalid".
  if (!issue.message.startsWith('Invalid ')) return issue.message;
  if (issue.kind === 'schema') {
    if (issue.received === 'undefined') return 'is missing';
    const noun = NOUNS[issue.expected ?? ''];
    if (noun) return `expected ${noun}`;
    return `expected ${issue.expected ?? 'something else'}, found ${issue.received}`;
  }
  return issue.message;
}

/** "where: what" for the first issue. */
export function describeIssue(issue: v.BaseIssue<unknown>, root = ''): string {
  const where = issuePath(issue, root);
  return where ? `${where}: ${issueProblem(issue)}` : issueProblem(issue);
}
