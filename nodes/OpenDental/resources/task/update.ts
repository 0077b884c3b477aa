import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import {
	ONLY_ADDED_TASK_FIELDS_SENT,
	onlyAddedFieldsUpdate,
	someUpdateField,
	updateFieldsCollection,
} from '../../../shared/collectionFields';
import { defineOperation } from '../../../shared/operation';
import { taskNumFields } from '../../fields';
import { openDentalApiRequest, openDentalOperations, sendInOfficeTime } from '../../requests';
import {
	attachedToField,
	descriptionField,
	entryTimeField,
	keyNumField,
	optionalTaskFieldRules,
	priorityField,
	shortDescriptionField,
	statusField,
	taskNumRules,
	toTask,
} from './fields';
import { checkSentStatus, rememberSentStatus } from './statusCheck';

/** Each with the body property it is sent as; sent by `build` from the values the checks read. */
const updateFieldOptions = [
	attachedToField,
	{
		...descriptionField,
		hint: 'Open Dental reopens a Done task as Viewed when it is sent a description, unless "Keep Done Status" is on',
	},
	entryTimeField,
	keyNumField,
	priorityField,
	shortDescriptionField,
	{ ...statusField, description: 'Needs Open Dental 24.2.10 or later' },
];

/**
 * Open Dental reopens a Done task as Viewed when a PUT carries its description; with "Keep Done Status" on,
 * the node reads the task and, when it is Done, sends the status along. Whether that status beats the rule is
 * undocumented: checkSentStatus reads the answer and repairs it or fails. A status the user chose is never
 * replaced.
 */
async function keepDoneStatus(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	if (body.Descript === undefined || body.TaskStatus !== undefined) return requestOptions;
	if (!(this.getNodeParameter('keepDoneStatus', true) as boolean)) return requestOptions;
	// The task's own URL, which `build` made from the Task Number the checks read.
	const [task] = await openDentalApiRequest.call(this, 'GET', String(requestOptions.url));
	if (task?.TaskStatus === 'Done') body.TaskStatus = 'Done';
	return requestOptions;
}

export const update = defineOperation({
	...onlyAddedFieldsUpdate('a task'),
	fields: [
		...taskNumFields,
		updateFieldsCollection(updateFieldOptions, ONLY_ADDED_TASK_FIELDS_SENT),
		{
			displayName: 'Keep Done Status',
			name: 'keepDoneStatus',
			type: 'boolean',
			default: true,
			description:
				'Whether a Done task stays Done when its description is sent. Open Dental would reopen it as Viewed. The node reads the task first (one more request; Open Dental 24.4.13 or later), checks the answer, and sends the status again on its own if needed.',
		},
	],
	rules: [
		...taskNumRules,
		someUpdateField,
		{ path: 'updateFields.descript', label: 'Description', kind: 'notBlankWhenGiven' },
		// An empty time is not sent, so on its own it would be an update that changes nothing.
		{ path: 'updateFields.dateTimeEntry', label: 'Entry Time', kind: 'notBlankWhenGiven' },
		// Left empty it would not be sent (no document says empty clears it): say so rather than skip it silently.
		{
			path: 'updateFields.descriptOverride',
			label: 'Short Description',
			kind: 'notBlankWhenGiven',
		},
		...optionalTaskFieldRules('updateFields'),
	],
	request: {
		method: 'PUT',
		build: toTask(updateFieldOptions),
		preSend: [sendInOfficeTime('body', 'DateTimeEntry'), keepDoneStatus, rememberSentStatus],
		postReceive: [...openDentalOperations.routing!.output, checkSentStatus],
	},
	outputsTasks: true,
});
