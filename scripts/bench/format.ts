/**
 * Printing helpers shared by the benches: one table per bench with the same
 * columns (figure / value / baseline / ratio / budget / verdict) and a line
 * naming the machine, so figures from different runs can be compared honestly.
 */
import os from 'node:os';

/** One row of a bench table. Empty strings print as blank cells. */
export interface BenchRow {
  /** What is measured ("match, 737 aliases"). */
  figure: string;
  /** Our measured value, formatted ("412 MB/s"). */
  value: string;
  /** What it is compared with, formatted ("RegExp 260 MB/s"); '' when nothing. */
  baseline?: string;
  /** value / baseline, formatted by {@link ratio}; '' when no baseline. */
  ratio?: string;
  /** The budget from the issue ("≥ 300 MB/s"); '' when none. */
  budget?: string;
  /** Whether the budget is met; undefined when there is no budget. */
  pass?: boolean;
}

const HEADERS = ['figure', 'value', 'baseline', 'ratio', 'budget', 'verdict'] as const;

/** Formats rows as an aligned plain-text table with a header line. */
export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => [
    r.figure,
    r.value,
    r.baseline ?? '',
    r.ratio ?? '',
    r.budget ?? '',
    r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL',
  ]);
  const all = [[...HEADERS], ...cells];
  const widths = HEADERS.map((_, c) => Math.max(...all.map((row) => row[c]!.length)));
  const line = (row: readonly string[]): string => row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  return [line(all[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** Prints a titled table (see {@link formatTable}) to stdout. */
export function printTable(title: string, rows: readonly BenchRow[]): void {
  console.log(`\n${title}\n${formatTable(rows)}`);
}

/** "AMD EPYC, 2 cores, Node v20.20.2, linux x64": the machine a figure was measured on. */
export function machineLine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  return `${model}, ${cpus.length} cores, Node ${process.version}, ${os.platform()} ${os.arch()}`;
}

/** Prints {@link machineLine} with a "machine:" label. */
export function printMachine(): void {
  console.log(`machine: ${machineLine()}`);
}

/** "1.57×": how many times `value` is `baseline`. */
export function ratio(value: number, baseline: number): string {
  if (!Number.isFinite(value / baseline) || baseline === 0) return '';
  return `${(value / baseline).toFixed(2)}×`;
}

/** "412 MB/s" from a byte count and milliseconds (MB = 10^6 bytes). */
export function formatRate(bytes: number, ms: number): string {
  return `${Math.round(bytes / 1e6 / (ms / 1000))} MB/s`;
}

/** "12.3 ms", with one decimal below 100 ms. */
export function formatMs(ms: number): string {
  return ms < 100 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}
