import fs from 'node:fs';
import { SECTIONS_DIR } from './report';

/** A run starts with no sections, so the report holds only what this run found. */
export default function clearSections(): void {
	fs.rmSync(SECTIONS_DIR, { recursive: true, force: true });
}
