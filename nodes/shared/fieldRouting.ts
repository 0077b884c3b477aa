import type { INodePropertyRouting } from 'n8n-workflow';

/** Where a field's value goes in the request: the routing every vendor's fields declare alike. */

/** Sent in the body as `property`: by n8n's routing, or by sendCollection when a collection is unrouted. */
export function sentInBody(property: string): INodePropertyRouting {
	return { send: { type: 'body', property } };
}

/** Sent as the query parameter `property`; `value`, an expression, reshapes what is sent (a list joined…). */
export function sentInQuery(property: string, value?: string): INodePropertyRouting {
	return { send: { type: 'query', property, ...(value ? { value } : {}) } };
}
