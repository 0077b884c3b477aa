/** Flows: `GET /flows` and `GET /flow/{name}/task` (the body a new task of that flow takes). */
import type { FakeResponse } from '../kit';
import { failure, isResponse } from './errors';
import { type Context, api, on } from './gates';
import { paginator, readPaging } from './paging';
import type { MileAppStore } from './store';
import type { FieldType, MileAppFlowField } from './types';
import { flowViewOf } from './views';

export function exampleFor(type: FieldType, options?: string[]): unknown {
	switch (type) {
		case 'number':
			return 1;
		case 'date':
			return '2022-11-02';
		case 'datetime':
			return '2022-11-02T07:28:23+00:00';
		case 'select':
			return options?.[0] ?? '';
		case 'location':
			return '-6.230815251,106.75684387';
		default:
			return 'text';
	}
}

function listFlows(fake: MileAppStore, context: Context): FakeResponse {
	const paging = readPaging(fake, context.request, fake.options.defaultLimit);
	if (isResponse(paging)) return paging;
	const rows = [...fake.flows.values()];
	return {
		status: 200,
		body: {
			status: true,
			message: 'Success',
			flows: paginator(fake, context.request, rows, paging.page, paging.limit, (flow) =>
				flowViewOf(flow),
			),
		},
	};
}

/**
 * Documented: `{data: {flowName, flowFields, bodyRequest}}`; an unknown flow is a 404 "Data not found" (openapi). Where a
 * select field's choices go is the option flowFieldChoices.
 */
function flowTaskPayload(fake: MileAppStore, context: Context): FakeResponse {
	const flow = fake.flowByName(context.request.params.flowName);
	if (!flow) return failure(404, 'Data not found');
	const firstHub = [...fake.hubs.values()][0];
	const start = fake.defaultStart(flow);
	const bodyRequest: Record<string, unknown> = {
		flow: flow.name,
		hubId: firstHub?._id ?? '',
		...Object.fromEntries(flow.fields.map((field) => [field.field, field.example])),
		startTime: start,
		endTime: fake.defaultEnd(flow, start),
	};
	return {
		status: 200,
		body: {
			status: true,
			message: 'Success',
			data: {
				flowName: flow.name,
				flowFields: flow.fields.map((field) => flowFieldView(fake, field)),
				bodyRequest,
			},
		},
	};
}

/** A flow field as `GET /flow/{flowName}/task` lists it, its choices where flowFieldChoices puts them. */
function flowFieldView(fake: MileAppStore, field: MileAppFlowField): Record<string, unknown> {
	const { options, ...rest } = field;
	if (fake.options.flowFieldChoices === 'options')
		return { ...rest, ...(options ? { options: [...options] } : {}) };
	return {
		...rest,
		...(field.type === 'select' ? { type: 'string' } : {}),
		format: options ? [...options] : null,
	};
}

export function flowRoutes(fake: MileAppStore): void {
	on(
		fake,
		'GET',
		'/flows',
		api(fake, (c) => listFlows(fake, c)),
	);
	on(
		fake,
		'GET',
		'/flow/:flowName/task',
		api(fake, (c) => flowTaskPayload(fake, c)),
	);
}
