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
