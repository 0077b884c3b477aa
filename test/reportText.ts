/** What the generated reports (docs/RELIABILITY.md, docs/BENCHMARKS.md) share: how they name the code they ran, and table cells. */
import { execFileSync } from 'node:child_process';

/** The commit checked out, and how many files differ from it: e.g. "f496fef, with 2 uncommitted change(s) in the working tree". */
export function revisionOf(repoRoot: string): string {
	try {
		const git = (...args: string[]) =>
			execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
		const head = git('rev-parse', '--short', 'HEAD');
		const changed = git('status', '--porcelain').split('\n').filter(Boolean).length;
		return changed ? `${head}, with ${changed} uncommitted change(s) in the working tree` : head;
	} catch {
		return 'unknown (no git)';
	}
}

/** Text for one Markdown table cell: its pipes escaped, its line breaks made spaces. */
export function escapeTableCell(value: string | number): string {
	return String(value).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
