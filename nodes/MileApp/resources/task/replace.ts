import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { defineOperation } from '../../../shared/operation';
import { mileAppApiRequest } from '../../requests';
import { flowField, hubField } from '../../locators';
import {
	additionalTaskFields,
	taskIdFields,
	taskIdRules,
	taskPath,
	wholeTaskRules,
} from './fields';
import { flowFieldsMapper } from './flowFields';
import { sendWholeTask, shapeTaskBody } from './shapes';

/** What a task keeps through Replace unless given: no flow form holds them. */
const CARRIED = ['assignee', 'startTime', 'endTime'] as const;

/**
 * Unknown (sheet): whether a PUT without `assignee` unassigns the task; the times a PUT without them gets are not
 * documented either. So Replace reads the task and carries its current assignees and times into the PUT unless the
 * user gave them: a replacement never drops them silently. The read is the task the PUT goes to (its URL).
 */
async function carryAssigneesAndTimes(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
	if (CARRIED.every((key) => key in body)) return requestOptions;
	const answer = await mileAppApiRequest.call(this, 'GET', String(requestOptions.url));
	const current = (answer.task ?? {}) as IDataObject;
	const assignees = Array.isArray(current.assignee) ? current.assignee : [];
	// An unassigned task is sent no assignee: MileApp documents no empty list.
	if (!('assignee' in body) && assignees.length > 0) body.assignee = assignees;
	for (const key of ['startTime', 'endTime'] as const) {
		if (!(key in body) && typeof current[key] === 'string') body[key] = current[key];
	}
	return { ...requestOptions, body };
}

export const replace = defineOperation({
	value: 'replace',
	name: 'Replace',
	action: 'Replace a whole task (flow fields not given are lost)',
	description:
		'Send the whole task: flow fields not given are lost; assignees and times are kept unless given',
	// Copies of the shared fields: declared after this notice, so the editor shows the notice first.
	fields: [
		{
			displayName:
				'Replace sends the whole task: every flow field not given here is lost. Its assignees and its start and end time are read first and sent again unless given below (MileApp does not document what a replacement without them does). To change some fields only, use Update.',
			name: 'replaceNotice',
			type: 'notice',
			default: '',
		},
		...taskIdFields.map((field) => ({ ...field })),
		{ ...flowField },
		{ ...hubField },
		flowFieldsMapper('Every field the task should have after the replacement'),
		{ ...additionalTaskFields },
	],
	rules: [...taskIdRules, ...wholeTaskRules],
	request: {
		method: 'PUT',
		build: async function (valueOf, requestOptions) {
			return await sendWholeTask.call(this, valueOf, { ...requestOptions, url: taskPath(valueOf) });
		},
		// After the shaping: the times read back are sent as MileApp wrote them.
		preSend: [shapeTaskBody, carryAssigneesAndTimes],
	},
	outputsTasks: true,
});
