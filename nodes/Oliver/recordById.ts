import type { INodeProperties } from 'n8n-workflow';
import { defineOperation } from '../shared/operation';
import { requiredText, type BuildFromValues, type FieldRule } from '../shared/validation';

/** Operations on one record by its ID, the same for every Oliver resource. */

/** A record's ID, as an operation's field: required text. */
export function idField(
	displayName: string,
	name: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', ...extra };
}

/**
 * A record's ID in one form per node version, under one name: version 1's typed text, kept for the workflows
 * saved with it; from version 2 `picker` (a list, or By ID), with the fields it needs to list (`before`). The
 * picker takes the typed field's label, which the input checks name, and is not sent by routing: the URL is.
 */
export function versionedIdFields(
	typed: INodeProperties,
	picker: INodeProperties,
	before: INodeProperties[] = [],
): INodeProperties[] {
	const fromVersion2 = { show: { '@version': [{ _cnd: { gte: 2 } }] } };
	const listed = { ...picker };
	delete listed.routing;
	return [
		{ ...typed, displayOptions: { show: { '@version': [1] } } },
		...before.map((field) => ({ ...field, displayOptions: fromVersion2 })),
		{ ...listed, displayName: typed.displayName, required: true, displayOptions: fromVersion2 },
	];
}

/** The ID given, and text: not a whole record mapped in. */
export function idRules(field: INodeProperties): FieldRule[] {
	return requiredText(field.name, field.displayName);
}

/** The record's URL from the ID the checks read (a URL expression would resolve the ID again). */
export function toRecord(collectionPath: string, field: INodeProperties): BuildFromValues {
	return (valueOf, requestOptions) => ({
		...requestOptions,
		url: `${collectionPath}/${encodeURIComponent(String(valueOf(field.name)).trim())}`,
	});
}

/** Get: the record at `collectionPath`/ID; `field` may come in one form per node version, under one name. */
export function getById(get: {
	action: string;
	field: INodeProperties | INodeProperties[];
	collectionPath: string;
	outputsTasks?: boolean;
}) {
	const [field, ...laterVersions] = [get.field].flat();
	return defineOperation({
		value: 'get',
		name: 'Get',
		action: get.action,
		fields: [field, ...laterVersions],
		rules: idRules(field),
		request: { method: 'GET', build: toRecord(get.collectionPath, field) },
		...(get.outputsTasks ? { outputsTasks: true } : {}),
	});
}
