/**
 * docs/RELIABILITY.md is written from the run itself: each test file adds its sections while it runs, and
 * the project's global teardown puts them in order under one heading. Nothing in it is typed by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { escapeTableCell } from '../reportText';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const SECTIONS_DIR = path.join(REPO_ROOT, '.build', 'reliability');
export const REPORT_FILE = path.join(REPO_ROOT, 'docs', 'RELIABILITY.md');

/**
 * `TASKBRIDGE_NO_REPORT=1` runs the layer without writing docs/RELIABILITY.md: `npm run test:clock` runs it
 * under a moved clock, and that run's timings and date are not the report's.
 */
export function reportWanted(): boolean {
	return !['1', 'true', 'yes'].includes((process.env.TASKBRIDGE_NO_REPORT ?? '').toLowerCase());
}

/** Keeps one section of the report; `order` places it (lower first). Written again, it replaces the last copy. */
export function writeSection(order: number, name: string, markdown: string): void {
	fs.mkdirSync(SECTIONS_DIR, { recursive: true });
	fs.writeFileSync(
		path.join(SECTIONS_DIR, `${String(order).padStart(2, '0')}-${name}.md`),
		`${markdown.trim()}\n`,
	);
}

/** A Markdown table; cells have their pipes and line breaks escaped. */
export function markdownTable(header: string[], rows: Array<Array<string | number>>): string {
	return [header, header.map(() => '---'), ...rows.map((row) => row.map(escapeTableCell))]
		.map((row) => `| ${row.join(' | ')} |`)
		.join('\n');
}
