/**
 * Running a stored workflow inside the running n8n, as the editor's Execute Workflow button does: the nodes a
 * package installed through Settings → Community Nodes are used by that same server process, not by a fresh
 * `n8n execute` that loads them from disk. `POST /rest/workflows/:id/run` with the trigger to start from (n8n
 * 2.41's ManualRunDto) answers the execution's id; the execution is then read back through
 * `GET /rest/executions/:id` until it has finished (its run data is n8n's flatted text).
 */
import { parseFlatted } from '../e2e/flatted';
import type { RestCaller } from '../e2e/harness/rest';
import type { N8nRun } from '../e2e/harness/runData';
import { isFinished, waitFor } from '../e2e/harness/waiting';

interface StoredExecution {
	id: string;
	mode: string;
	status: N8nRun['status'];
	startedAt: string;
	stoppedAt?: string;
	data: string;
}

/**
 * Runs workflow `workflowId` from its trigger node `trigger` in the server and resolves with its run data (the
 * shape `n8n execute` prints). Waits `timeoutMs` at most for it to finish; `log()` goes into the message.
 */
export async function runInServer(
	rest: RestCaller,
	workflowId: string,
	options: { trigger?: string; timeoutMs?: number; log: () => string },
): Promise<N8nRun> {
	const started = await rest('POST', `/rest/workflows/${workflowId}/run`, {
		triggerToStartFrom: { name: options.trigger ?? 'Start' },
	});
	const executionId = started.body?.data?.executionId as string | undefined;
	if (started.status !== 200 || !executionId)
		throw new Error(
			`running ${workflowId} answered ${started.status}: ${JSON.stringify(started.body)}\n${options.log()}`,
		);
	let last: StoredExecution | undefined;
	const execution = await waitFor(
		`execution ${executionId} of ${workflowId} to finish`,
		async () => {
			const answer = await rest('GET', `/rest/executions/${executionId}`);
			last = answer.status === 200 ? (answer.body?.data as StoredExecution) : undefined;
			return last && isFinished(last) && last;
		},
		() => `last seen: ${last ? last.status : 'nothing'}\n${options.log()}`,
		options.timeoutMs ?? 60_000,
	);
	return {
		data: parseFlatted(execution.data) as N8nRun['data'],
		mode: execution.mode,
		status: execution.status,
		startedAt: execution.startedAt,
		stoppedAt: execution.stoppedAt,
	};
}
