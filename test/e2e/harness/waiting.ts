/**
 * Waiting for something n8n does in its own time (a poll, a webhook, a queued job).
 */

/** Whether n8n has finished a stored execution: one still new or running has no final status or data yet. */
export function isFinished(execution: { status: string }): boolean {
	return !['new', 'running', 'waiting'].includes(execution.status);
}

/** Polls `probe` every second until it gives something; on timeout, throws with `diagnosis()`. */
export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined | false> | T | undefined | false,
	diagnosis: () => Promise<string> | string,
	timeoutMs = 150_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = await probe();
		if (value) return value;
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	throw new Error(`timed out waiting for ${what}\n${await diagnosis()}`);
}
