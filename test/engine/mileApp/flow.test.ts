/**
 * Flows: Get Many and Get Fields; the mapper that offers a flow's fields; the flow and hub pickers.
 */
import { resourceMapperFields, searchList } from '../harness';
import { engine, fromList, mileApp, otherHub, spec, useMileApp } from './setup';

useMileApp();

describe('flow and hub', () => {
	it("Flow Get Many lists the flows; Get Fields lists a flow's fields with type and required", async () => {
		const flows = await mileApp({ resource: 'flow', operation: 'getAll', returnAll: true });
		expect(flows.items.map((item) => item.json.name)).toEqual(['Delivery']);
		const fields = await mileApp({
			resource: 'flow',
			operation: 'getFields',
			flow: fromList('Delivery'),
		});
		expect(
			fields.items.map((item) => [item.json.field, item.json.type, item.json.required]),
		).toEqual([
			['invoice', 'string', true],
			['recipientName', 'string', true],
			['packageCount', 'number', true],
			['priority', 'select', false],
		]);
	});
});

describe('editor', () => {
	it("the mapper offers the chosen flow's fields with n8n types, required ones marked (none for Update)", async () => {
		const create = await resourceMapperFields(
			engine,
			spec({ resource: 'task', operation: 'create', flow: fromList('Delivery') }),
			'getFlowFields',
		);
		expect(create.fields.map((field) => [field.id, field.type, field.required])).toEqual([
			['invoice', 'string', true],
			['recipientName', 'string', true],
			['packageCount', 'number', true],
			['priority', 'options', false],
		]);
		expect(create.fields[3].options).toEqual([
			{ name: 'Low', value: 'Low' },
			{ name: 'Normal', value: 'Normal' },
			{ name: 'Urgent', value: 'Urgent' },
		]);
		const update = await resourceMapperFields(
			engine,
			spec({ resource: 'task', operation: 'update', flow: fromList('Delivery') }),
			'getFlowFields',
		);
		expect(update.fields.every((field) => !field.required)).toBe(true);
	});

	it('the pickers list flows and hubs', async () => {
		expect(
			await searchList(engine, spec({ resource: 'task', operation: 'create' }), 'searchFlows'),
		).toEqual([{ name: 'Delivery', value: 'Delivery' }]);
		const hubs = await searchList(
			engine,
			spec({ resource: 'task', operation: 'create' }),
			'searchHubs',
			'bandung',
		);
		expect(hubs.map((entry) => [entry.name, entry.value])).toEqual([['Bandung', otherHub._id]]);
	});
});
