/** Clocks and memory probes shared by the bench sections. */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * V8's full garbage collection, without needing `node --expose-gc`: the flag can be set at run time, and a
 * fresh context then carries the `gc` function (jest's sandbox does not copy it from the outer global).
 */
const collectGarbage: () => void = (() => {
	setFlagsFromString('--expose-gc');
	return runInNewContext('gc') as () => void;
})();

export async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
	const start = performance.now();
	const result = await run();
	return { result, ms: performance.now() - start };
}

interface HeapUse<T> {
	result: T;
	ms: number;
	/** Highest heap in use while `run` ran, above the heap in use (after a full GC) just before it. */
	peakGrowthBytes: number;
	/** Heap still in use after a full GC once `run` is done, its result still held, above the same baseline. */
	retainedBytes: number;
}

/**
 * Runs `run` while sampling the heap every millisecond the event loop is free (an action node's paging is
 * I/O bound, so it is sampled between pages) and once more at the end, before anything is collected.
 */
export async function heapDuring<T>(run: () => Promise<T>): Promise<HeapUse<T>> {
	collectGarbage();
	const baseline = process.memoryUsage().heapUsed;
	let peak = baseline;
	const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed));
	const sampler = setInterval(sample, 1);
	try {
		const { result, ms } = await timed(run);
		sample();
		collectGarbage();
		return {
			result,
			ms,
			peakGrowthBytes: peak - baseline,
			retainedBytes: process.memoryUsage().heapUsed - baseline,
		};
	} finally {
		clearInterval(sampler);
	}
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
