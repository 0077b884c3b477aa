/** Records as the API answers them: a task (and what a webhook delivery carries), a flow, a hub. */
import type { MileAppStore } from './store';
import type { MileAppFlow, MileAppFlowField, MileAppHub, MileAppTaskRecord } from './types';

/**
 * A flow field as a component of the flow's Initial Page. Documented by example (openapi `/flows` 200): input components
 * with `inputType`, select components with `options`.
 */
function componentOf(field: MileAppFlowField): Record<string, unknown> {
	if (field.type === 'select') {
		return {
			component: 'select',
			id: field.field,
			title: field.description,
			options: [...(field.options ?? [])],
			default: null,
			isRequired: field.required,
		};
	}
	return {
		component: 'input',
		id: field.field,
		title: field.description,
		inputType: field.type,
		default: null,
		routeAs: null,
		showAs: null,
		isRequired: field.required,
	};
}

/** A task as the API answers it (seed 003's shape), plus assignment and completion once they exist. */
export function taskViewOf(fake: MileAppStore, task: MileAppTaskRecord): Record<string, unknown> {
	const hub = fake.hubs.get(task.hubId);
	const flow = fake.flows.get(task.flowId);
	const view: Record<string, unknown> = {
		_id: task._id,
		flow: task.flow,
		flowId: task.flowId,
		hubId: task.hubId,
		startTime: task.startTime,
		organizationId: task.organizationId,
		status: task.status,
		hub: hub ? { _id: hub._id, name: hub.name, lat: hub.lat, lng: hub.lng } : null,
		orderIndex: task.orderIndex,
		...task.fields,
	};
	if (flow?.titleField) view.title = task.fields[flow.titleField] ?? null;
	if (flow?.contentField) view.content = task.fields[flow.contentField] ?? null;
	Object.assign(view, {
		createdFrom: task.createdFrom,
		endTime: task.endTime,
		createdBy: task.createdBy,
	});
	// Seed 003's UNASSIGNED task has no assignee keys; the list example's ONGOING tasks have them.
	if (task.assignee.length > 0 || task.assignedTime !== null) {
		Object.assign(view, {
			assignee: [...task.assignee],
			assignedBy: task.assignedBy,
			assignedTime: task.assignedTime,
		});
	}
	if (task.status === 'DONE') Object.assign(view, { doneBy: task.doneBy, doneTime: task.doneTime });
	view.updatedTime = task.updatedTime;
	view.createdTime = task.createdTime;
	return view;
}

/**
 * What a webhook delivery carries, as webhooks/task-events.mdx documents it: the flow's fields, the task's own keys, a
 * nested `hub` with `deleteAccess` (true in every example: documented by example), `assignee` (empty on onCreate); once
 * assigned `assignedBy`, `assignedTo` (the first assignee's user) and `assignedTime`; once done `doneBy` and `doneTime`.
 * No `title`, `content` or event name.
 */
export function webhookPayloadOf(
	fake: MileAppStore,
	task: MileAppTaskRecord,
): Record<string, unknown> {
	const hub = fake.hubs.get(task.hubId);
	const payload: Record<string, unknown> = {
		...task.fields,
		hubId: task.hubId,
		flowId: task.flowId,
		hub: hub
			? { lng: hub.lng, _id: hub._id, deleteAccess: true, name: hub.name, lat: hub.lat }
			: null,
		endTime: task.endTime,
		assignee: [...task.assignee],
		flow: task.flow,
		status: task.status,
		_id: task._id,
		organizationId: task.organizationId,
		startTime: task.startTime,
		createdTime: task.createdTime,
		updatedTime: task.updatedTime,
		createdBy: task.createdBy,
		createdFrom: task.createdFrom,
		orderIndex: task.orderIndex,
	};
	if (task.assignedTime !== null) {
		const worker = [...fake.users.values()].find((user) => user.email === task.assignee[0]);
		Object.assign(payload, {
			assignedBy: task.assignedBy,
			assignedTo: worker
				? {
						organization: null,
						name: worker.name,
						hubId: worker.hubIds === 'all' ? [...fake.hubs.keys()] : [...worker.hubIds],
						role: null,
						_id: worker._id,
						email: worker.email,
					}
				: null,
			assignedTime: task.assignedTime,
		});
	}
	if (task.status === 'DONE')
		Object.assign(payload, { doneBy: task.doneBy, doneTime: task.doneTime });
	return payload;
}

export function flowViewOf(flow: MileAppFlow): Record<string, unknown> {
	return {
		_id: flow._id,
		name: flow.name,
		pages: [
			{ id: 'page0', enabled: true, components: flow.fields.map(componentOf) },
			{ id: 'page1', components: [] },
		],
		organizationId: flow.organizationId,
		version: flow.version,
		updatedTime: flow.updatedTime,
		createdTime: flow.createdTime,
	};
}

export function hubViewOf(hub: MileAppHub): Record<string, unknown> {
	return { _id: hub._id, name: hub.name, address: hub.address, lat: hub.lat, lng: hub.lng };
}
