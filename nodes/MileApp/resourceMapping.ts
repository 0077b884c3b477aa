import type {
	IDataObject,
	ILoadOptionsFunctions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';
import { flowFieldsPath } from './api';
import { mileAppApiRequest, recordsOf } from './requests';
import { FLOW_FIELD_TYPES } from './vocabulary';

/**
 * The chosen flow's own fields, from `GET /flow/{flowName}/task`, with their types and which are required.
 * For Update nothing is required: only the fields given are sent.
 */
export async function getFlowFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const flow = String(
		this.getNodeParameter('flow', undefined, { extractValue: true }) ?? '',
	).trim();
	if (flow === '')
		return { fields: [], emptyFieldsNotice: 'Choose a flow first: its fields are listed here' };
	const partial = this.getNodeParameter('operation', undefined) === 'update';
	const body = await mileAppApiRequest.call(this, 'GET', flowFieldsPath(flow));
	const fields: ResourceMapperField[] = recordsOf(body).map((field: IDataObject) => {
		// A select field's choices: in `format` with type "string" (openapi's example), or in `options` (undocumented).
		const choices = [field.format, field.options].find(Array.isArray) as unknown[] | undefined;
		const type = choices ? 'options' : (FLOW_FIELD_TYPES[String(field.type)] ?? 'string');
		const options = choices?.map((value) => ({ name: String(value), value: String(value) }));
		return {
			id: String(field.field),
			displayName: field.description
				? `${String(field.field)} (${String(field.description)})`
				: String(field.field),
			required: !partial && field.required === true,
			defaultMatch: false,
			display: true,
			type,
			...(type === 'options' && options ? { options } : {}),
		};
	});
	return { fields, emptyFieldsNotice: `The flow "${flow}" has no fields of its own` };
}
