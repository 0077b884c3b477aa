import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeParameterResourceLocator,
	INodeProperties,
} from 'n8n-workflow';

/**
 * The fields of a collection (such as "Update Fields") put into the body by the operation's own preSend
 * rather than by each field's routing. n8n-core reads a routed field on each of its two routing passes per
 * item, and every read resolves the field's expressions again; the preSend uses the one read the input checks
 * already made. Each field's `routing.send` (type body, a plain property name) still says where it goes.
 */
export function unrouted(fields: INodeProperties[]): INodeProperties[] {
	return fields.map((field) => {
		const copy = { ...field };
		delete copy.routing;
		return copy;
	});
}

function isResourceLocator(value: unknown): value is INodeParameterResourceLocator {
	return Boolean(
		value && typeof value === 'object' && (value as INodeParameterResourceLocator).__rl,
	);
}

/**
 * The collection's given fields, each under its `routing.send.property` (a resource locator as its value).
 * A field added but left empty (or whose expression came out empty or null) is left out: no vendor here
 * documents that an empty value or null clears a field, so sending one could erase what the user never named.
 */
export function bodyOf(fields: INodeProperties[], collection: unknown): IDataObject {
	const values = (collection && typeof collection === 'object' ? collection : {}) as IDataObject;
	const body: IDataObject = {};
	for (const field of fields) {
		const property = field.routing?.send?.property;
		if (!property || !(field.name in values)) continue;
		const given = values[field.name];
		const value = isResourceLocator(given) ? given.value : given;
		if (value === undefined || value === null || value === '') continue;
		body[property] = value;
	}
	return body;
}

/** Puts the collection's given fields into the body (bodyOf), then runs their own preSend steps. */
export async function sendCollection(
	this: IExecuteSingleFunctions,
	fields: INodeProperties[],
	collection: unknown,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const given = bodyOf(fields, collection);
	const body: IDataObject = {
		...((requestOptions.body as IDataObject | undefined) ?? {}),
		...given,
	};
	const steps = fields
		.filter((field) => field.routing?.send?.property && field.routing.send.property in given)
		.flatMap((field) => field.routing?.send?.preSend ?? []);
	let options: IHttpRequestOptions = { ...requestOptions, body };
	for (const step of steps) options = await step.call(this, options);
	return options;
}
