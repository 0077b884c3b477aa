/**
 * Run data: what `n8n execute --id <id> --rawOutput` prints (JSON of n8n's IRun), and reading it.
 */

interface N8nItem {
	json: Record<string, unknown>;
	pairedItem?: unknown;
	binary?: Record<string, unknown>;
	error?: unknown;
}

interface N8nError {
	message: string;
	description?: string | null;
	name?: string;
	node?: { name: string; type: string; [key: string]: unknown };
	httpCode?: string | null;
	stack?: string;
	[key: string]: unknown;
}

interface N8nTaskData {
	startTime: number;
	executionIndex: number;
	executionTime: number;
	executionStatus?: string;
	source: Array<{
		previousNode: string;
		previousNodeOutput?: number;
		previousNodeRun?: number;
	} | null>;
	hints?: unknown[];
	/** `main[outputIndex]` holds the items of that output (index 1 is the error output under "Continue (using error output)"). */
	data?: { main: Array<N8nItem[] | null> };
	error?: N8nError;
}

export interface N8nRun {
	data: {
		version?: number;
		startData: Record<string, unknown>;
		resultData: {
			/** Per node name, one entry per run of that node. */
			runData: Record<string, N8nTaskData[]>;
			lastNodeExecuted?: string;
			/** Set when the execution ended in error. */
			error?: N8nError;
		};
		executionData?: Record<string, unknown>;
		resumeToken?: string;
	};
	mode: string;
	startedAt: string;
	stoppedAt?: string;
	storedAt?: string;
	status: 'success' | 'error' | 'canceled' | 'crashed' | 'new' | 'running' | 'unknown' | 'waiting';
	finished?: boolean;
}

/** The JSON of the items a node put out on one output (main 0 by default) in one of its runs (the first by default). */
export function itemsOf(
	run: N8nRun,
	nodeName: string,
	outputIndex = 0,
	runIndex = 0,
): Array<Record<string, unknown>> {
	const task = run.data.resultData.runData[nodeName]?.[runIndex];
	if (!task) {
		const ran = Object.keys(run.data.resultData.runData).join(', ') || 'none';
		throw new Error(
			`Node "${nodeName}" has no run ${runIndex} in this execution (nodes that ran: ${ran})`,
		);
	}
	return (task.data?.main?.[outputIndex] ?? []).map((item) => item.json);
}

/** The error an execution ended with (undefined if it succeeded). */
export function errorOf(run: N8nRun): N8nError | undefined {
	return run.data.resultData.error;
}

/** Finds the run data n8n printed among its log lines: the pretty-printed JSON object starting with a `{` line. */
export function extractRun(stdout: string): { run?: N8nRun; log: string } {
	const lines = stdout.split('\n');
	let found: { run: N8nRun; from: number; to: number } | undefined;
	for (let from = 0; from < lines.length; from++) {
		if (lines[from] !== '{') continue;
		for (let to = from + 1; to < lines.length; to++) {
			if (lines[to] !== '}') continue;
			try {
				const parsed = JSON.parse(lines.slice(from, to + 1).join('\n')) as N8nRun;
				if (parsed?.data?.resultData) found = { run: parsed, from, to };
			} catch {
				// not it
			}
			break;
		}
	}
	if (!found) return { log: stdout };
	return {
		run: found.run,
		log: [...lines.slice(0, found.from), ...lines.slice(found.to + 1)].join('\n'),
	};
}
