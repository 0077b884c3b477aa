/**
 * Runs an async task over a list a few at a time (the build and check scripts keep to the machine's two
 * cores), returning the results in the list's order.
 */

/**
 * @template T, R
 * @param {T[]} items
 * @param {number} limit how many run at once
 * @param {(item: T) => Promise<R>} task
 * @returns {Promise<R[]>}
 */
export async function mapLimited(items, limit, task) {
	const results = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await task(items[index]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}
