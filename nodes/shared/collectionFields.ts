import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	PreSendAction,
} from 'n8n-workflow';
import { sendCollection, unrouted } from './collectionBody';
import { adjustedInBody } from './fieldRouting';
import type { OperationDefinition } from './operation';
import { fieldRefusal, type BuildFromValues, type FieldRule } from './validation';

/**
 * The collections of optional fields operations show (Additional Fields, Filters, Options, Update Fields),
 * each field added on its own: their declarations, and how an Update checks and sends its fields.
 */

function collection(
	displayName: string,
	name: string,
	placeholder: string,
	options: INodeProperties[],
): INodeProperties {
	return { displayName, name, type: 'collection', placeholder, default: {}, options };
}

/**
 * A Create's optional fields, sent by their own routing (or, passed unrouted, by the operation's `build`).
 * Routed ones added but left empty are left out, as bodyOf leaves out unrouted ones.
 */
export function additionalFieldsCollection(options: INodeProperties[]): INodeProperties {
	return collection(
		'Additional Fields',
		'additionalFields',
		'Add Field',
		options.map(leftOutWhenEmpty),
	);
}

/** A field n8n's routing puts in the body, taken out again when its value is empty or null. */
function leftOutWhenEmpty(field: INodeProperties): INodeProperties {
	const send = field.routing?.send;
	if (send?.type !== 'body' || !send.property) return field;
	const leaveOut = adjustedInBody(send.property, (value) =>
		value === '' || value === null ? undefined : value,
	);
	return {
		...field,
		routing: { ...field.routing, send: { ...send, preSend: [...(send.preSend ?? []), leaveOut] } },
	};
}

/** A Get Many's filters. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return collection('Filters', 'filters', 'Add Filter', options);
}

/** A Get Many's options beside its filters: sorting, what to include. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return collection('Options', 'options', 'Add Option', options);
}

/** How the pack's Updates that change only the fields added say so, on the operation and on its Update Fields. */
const ONLY_ADDED_FIELDS_CHANGE = 'Change only the fields you add; the others stay as they are';
export const ONLY_ADDED_TASK_FIELDS_SENT =
	'Only the fields added here are sent; everything else on the task stays as it is';

/** An Update operation of `record` ("a task") whose Update Fields are all it changes: its value, name and words. */
export function onlyAddedFieldsUpdate(
	record: string,
): Pick<OperationDefinition, 'value' | 'name' | 'action' | 'description'> {
	return {
		value: 'update',
		name: 'Update',
		action: `Update ${record}`,
		description: ONLY_ADDED_FIELDS_CHANGE,
	};
}

/**
 * An Update's fields: only those added change. Each carries the body property it is sent as, but the
 * operation's `build` sends them (sendCollection) from the one read the checks made, so they are unrouted.
 */
export function updateFieldsCollection(
	options: INodeProperties[],
	description?: string,
): INodeProperties {
	return {
		...collection('Update Fields', 'updateFields', 'Add Field', unrouted(options)),
		...(description ? { description } : {}),
	};
}

/** An Update's request: to the record `toRecord` names, with the Update Fields given in its body. */
export function sendUpdateFields(
	fields: INodeProperties[],
	toRecord: BuildFromValues,
): BuildFromValues {
	return async function (valueOf, requestOptions) {
		const toThisRecord = await toRecord.call(this, valueOf, requestOptions);
		return await sendCollection.call(this, fields, valueOf('updateFields'), toThisRecord);
	};
}

/** An Update with none of its fields added would change nothing. */
export const someUpdateField: FieldRule = {
	path: 'updateFields',
	label: 'Update Fields',
	kind: 'notEmptyCollection',
};

/**
 * A declarative preSend step for an Update, after its body is shaped: fields added but all left empty leave
 * nothing to send, which `refusal` tells the user how to fix.
 */
export function refuseEmptyUpdate(refusal: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		if (Object.keys((requestOptions.body ?? {}) as IDataObject).length > 0) return requestOptions;
		throw fieldRefusal(this.getNode(), this.getItemIndex(), refusal, 'Update Fields');
	};
}
