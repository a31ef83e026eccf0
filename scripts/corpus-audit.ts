/**
 * `npm run corpus:audit`: every claim of the catalog with its evidence, the
 * date of that evidence and its status, then the count by status. Exits 1
 * when a claim is neither supported nor marked as kept from outside the corpus
 * (the build fails on those too).
 *
 *   npx tsx scripts/corpus-audit.ts [--problems]   (--problems: only the claims that fail)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusPassages } from './corpus/bundle';
import { auditClaims, countByStatus, type AuditedClaim } from './corpus/claims';
import { loadCatalog, loadDocuments } from './build-corpus';

function line(c: AuditedClaim): string {
  const quotes = c.quotes.map((q) => `    “${q}”`).join('\n');
  return `[${c.status}] ${c.entryId} · ${c.kind}: ${c.claim}\n    dated ${c.dates.join(', ') || '(no evidence)'}${c.reason ? `\n    why: ${c.reason}` : ''}${quotes ? `\n${quotes}` : ''}`;
}

function main(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const documents = loadDocuments(root);
  const claims = auditClaims(documents, corpusPassages(documents).all, loadCatalog(root));
  const onlyProblems = process.argv.includes('--problems');
  for (const c of claims) if (!onlyProblems || (c.status !== 'supported' && c.status !== 'outside')) console.log(line(c));
  const counts = countByStatus(claims);
  const entries = new Set(claims.map((c) => c.entryId)).size;
  console.log(`\n${claims.length} claims in ${entries} entries: ${Object.entries(counts).map(([status, n]) => `${n} ${status}`).join(', ')}`);
  if (counts['not-found'] + counts.unsupported > 0) process.exitCode = 1;
}

main();
