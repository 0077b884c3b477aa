import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { sendCollection } from '../../../shared/collectionBody';
import {
	fieldRefusal,
	isBlank,
	locatorValue,
	type BuildFromValues,
} from '../../../shared/validation';
import { mileAppDateTime } from '../../api';
import { wholeTaskOptions } from './fields';
import { flowFieldValues } from './flowFields';

const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;

/** Emails separated by commas (or a list from an expression), each checked. */
export function emailsIn(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
): string[] {
	const refuse = (message: string) =>
		fieldRefusal(context.getNode(), context.getItemIndex(), message, label);
	const emails = (Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,;]+/))
		.map((email) => email.trim())
		.filter(Boolean);
	if (emails.length === 0) throw refuse(`"${label}" needs at least one email`);
	const bad = emails.find((email) => !EMAIL.test(email));
	if (bad !== undefined) throw refuse(`"${label}" holds "${bad}", which is not an email address`);
	return emails;
}

/**
 * Create and Replace: the flow, the hub, every flow field given (the required ones checked), then the
 * additional fields given. Replace sends it as a full replacement, so what it does not hold is lost.
 */
export const sendWholeTask: BuildFromValues = async function (valueOf, requestOptions) {
	const task: IDataObject = {
		flow: locatorValue(valueOf('flow')),
		hubId: locatorValue(valueOf('hubId')),
		...flowFieldValues(this, valueOf('flowFields'), true),
	};
	return await sendCollection.call(this, wholeTaskOptions, valueOf('additionalFields'), {
		...requestOptions,
		body: task,
	});
};

/**
 * A declarative preSend step: the task body as MileApp takes it. Times become `Y-m-d\TH:i:sP` in UTC with `+00:00`
 * (a time without a zone is the workflow's), the assignees a list of emails, the hub's ID is trimmed; a field added but left
 * empty is not sent. The dates were checked with the other input.
 */
export async function shapeTaskBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body: IDataObject = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
	for (const key of ['startTime', 'endTime']) {
		if (key in body) body[key] = mileAppDateTime(body[key], this.getTimezone());
	}
	if ('hubId' in body) body.hubId = locatorValue(body.hubId);
	if ('assignee' in body) {
		body.assignee = isBlank(body.assignee) ? undefined : emailsIn(this, body.assignee, 'Assignees');
	}
	for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
	return { ...requestOptions, body };
}
