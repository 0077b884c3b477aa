/**
 * n8n stores execution data with `flatted` (cycles allowed): a JSON array whose first entry is the root, in
 * which every string inside an object or a list is the index of another entry (strings and shared objects
 * are kept once). This reads it back, as flatted's own parse does.
 */
export function parseFlatted(text: string): unknown {
	const table = JSON.parse(text) as unknown[];
	const done = new Map<number, unknown>();
	const resolve = (index: number): unknown => {
		if (done.has(index)) return done.get(index);
		const entry = table[index];
		if (typeof entry !== 'object' || entry === null) {
			done.set(index, entry);
			return entry;
		}
		const out: Record<string, unknown> | unknown[] = Array.isArray(entry) ? [] : {};
		done.set(index, out);
		for (const [key, value] of Object.entries(entry))
			(out as Record<string, unknown>)[key] =
				typeof value === 'string' ? resolve(Number(value)) : value;
		return out;
	};
	return resolve(0);
}
