import type {
	IDataObject,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	INodeProperties,
} from 'n8n-workflow';
import { outputRecordsOf } from '../shared/answerSteps';
import { failOnVendorError } from '../shared/errors';
import { limitRule, returnAllAndLimitFields } from '../shared/listFields';
import {
	defineOperation,
	type OperationDefinition,
	type VendorOperations,
} from '../shared/operation';
import { vendorJsonRequest } from '../shared/vendorRequest';
import { MILEAPP_CREDENTIAL, MILEAPP_PAGING, mileAppEnvelope } from './api';
import { normalizeMileAppTask } from './normalize';

/**
 * The records in an answer: a page of tasks (`tasks.data`) or flows (`flows.data`), a list in `data`, one
 * task (`task`), or a flow's field list (`data.flowFields`).
 */
export function recordsOf(body: IDataObject): IDataObject[] {
	for (const key of ['tasks', 'flows']) {
		const page = body[key] as IDataObject | undefined;
		if (page && Array.isArray(page.data)) return page.data as IDataObject[];
	}
	if (Array.isArray(body.data)) return body.data as IDataObject[];
	const data = body.data as IDataObject | undefined;
	if (data && Array.isArray(data.flowFields)) return data.flowFields as IDataObject[];
	if (body.task && typeof body.task === 'object') return [body.task as IDataObject];
	return [];
}

/** How MileApp's declarative operations send and read, for defineResource. */
export const mileAppOperations: VendorOperations = {
	vendorName: 'MileApp',
	routing: {
		envelope: mileAppEnvelope,
		paging: MILEAPP_PAGING,
		output: [failOnVendorError(mileAppEnvelope), outputRecordsOf(recordsOf)],
	},
	taskMapper: normalizeMileAppTask,
};

/** A Get Many of records MileApp pages through: Return All and Limit (the Limit checked), and `fields`. */
export function pagedList(
	records: string,
	url: string,
	fields: INodeProperties[] = [],
): OperationDefinition {
	return defineOperation({
		value: 'getAll',
		name: 'Get Many',
		action: `Get many ${records}`,
		fields: [...returnAllAndLimitFields, ...fields],
		rules: [limitRule],
		request: { method: 'GET', url, paged: true },
	});
}

/** For the pickers and the flow-field mapper: one call, the body returned. */
export async function mileAppApiRequest(
	this: ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	path: string,
	qs: IDataObject = {},
): Promise<IDataObject> {
	const response = await vendorJsonRequest.call(this, {
		credentialType: MILEAPP_CREDENTIAL,
		envelope: mileAppEnvelope,
		method,
		path,
		qs,
	});
	return (response.body ?? {}) as IDataObject;
}
