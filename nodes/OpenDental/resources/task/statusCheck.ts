import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { withIsoDates } from '../../dates';
import { officeZone, openDentalRequestWithinTurn } from '../../requests';

/**
 * A PUT that sends a TaskStatus is checked against the answer: Open Dental reopens a Done task as Viewed when
 * a PUT carries Descript, and whether a TaskStatus in the same PUT beats that is not documented. So a status
 * sent with a description that did not hold is sent again on its own and checked again; any other status the
 * answer does not show is an error. Never a success on an unchecked answer.
 */

interface SentStatus {
	status: string;
	url: string;
	withDescript: boolean;
}

/**
 * What each PUT sent, until its answer is read: the steps before and after one request share nothing else.
 * Keyed by execution, node and item, as items of one run are sent at once.
 */
const sentStatuses = new Map<string, SentStatus>();
/**
 * Entries of requests that failed for good are never read: the oldest go past this many, far more than the
 * items one run sends at once.
 */
const MAX_REMEMBERED = 100_000;

function keyOf(context: IExecuteSingleFunctions): string {
	return [context.getExecutionId?.() ?? '', context.getNode().name, context.getItemIndex()].join(
		'\u0000',
	);
}

/** A preSend step, last: remembers the TaskStatus the PUT carries, if any. */
export async function rememberSentStatus(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const key = keyOf(this);
	sentStatuses.delete(key);
	const body = (requestOptions.body ?? {}) as IDataObject;
	if (body.TaskStatus !== undefined) {
		const oldest = sentStatuses.keys().next().value;
		if (sentStatuses.size >= MAX_REMEMBERED && oldest !== undefined) sentStatuses.delete(oldest);
		sentStatuses.set(key, {
			status: String(body.TaskStatus),
			url: String(requestOptions.url),
			withDescript: body.Descript !== undefined,
		});
	}
	return requestOptions;
}

function statusNotKept(
	context: IExecuteSingleFunctions,
	task: IDataObject | undefined,
	sent: SentStatus,
	afterRepair: boolean,
): NodeOperationError {
	const said = task?.TaskStatus === undefined ? 'no status' : `"${String(task.TaskStatus)}"`;
	return new NodeOperationError(
		context.getNode(),
		`Open Dental did not keep task ${String(task?.TaskNum ?? sent.url)} ${sent.status}: it answered ${said}`,
		{
			itemIndex: context.getItemIndex(),
			description: afterRepair
				? `The change was saved, but the task is not ${sent.status}, even after the status was sent again on its own. Set it with "Mark ${sent.status}" and check it in Open Dental.`
				: `The change was saved, but the answer shows another status. Check the task in Open Dental.`,
		},
	);
}

/** A postReceive step after the records: the status sent is the status answered, or it is repaired, or an error. */
export async function checkSentStatus(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const key = keyOf(this);
	const sent = sentStatuses.get(key);
	if (!sent) return items;
	// Forgotten only once checked: if the repair fails and the PUT is sent again, its answer is checked too.
	const checked = <T>(result: T) => (sentStatuses.delete(key), result);
	const answered = items[0]?.json;
	if (answered?.TaskStatus === sent.status) return checked(items);
	// Only a description can have turned it (Done → Viewed); anything else is not Open Dental's documented rule.
	if (!sent.withDescript) throw checked(statusNotKept(this, answered, sent, false));
	const [repaired] = await openDentalRequestWithinTurn.call(this, 'PUT', sent.url, {
		TaskStatus: sent.status,
	});
	if (repaired?.TaskStatus !== sent.status)
		throw checked(statusNotKept(this, repaired, sent, true));
	return checked([{ json: withIsoDates(repaired, await officeZone.call(this)) }]);
}
