import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodePropertyRouting,
	PreSendAction,
} from 'n8n-workflow';

/** Where a field's value goes in the request: the routing every vendor's fields declare alike. */

/** Sent in the body as `property`: by n8n's routing, or by sendCollection when a collection is unrouted. */
export function sentInBody(property: string): INodePropertyRouting {
	return { send: { type: 'body', property } };
}

/** Sent as the query parameter `property`; `value`, an expression, reshapes what is sent (a list joined…). */
export function sentInQuery(property: string, value?: string): INodePropertyRouting {
	return { send: { type: 'query', property, ...(value ? { value } : {}) } };
}

/**
 * A preSend step that changes `property` in the body, once it is there; `adjust` returning undefined takes it
 * out. As a field's own step it holds under n8n's routing and when an operation puts the field in the body
 * itself (sendCollection runs it).
 */
export function adjustedInBody(
	property: string,
	adjust: (value: unknown) => unknown,
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const body = requestOptions.body as IDataObject | undefined;
		if (!body || !(property in body)) return requestOptions;
		const value = adjust(body[property]);
		if (value === undefined) delete body[property];
		else body[property] = value as IDataObject[string];
		return requestOptions;
	};
}
