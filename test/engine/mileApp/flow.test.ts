/**
 * Flows: Get Many and Get Fields; the mapper that offers a flow's fields; the flow and hub pickers.
 */
import { resourceMapperFields, searchList } from '../harness';
import { engine, fromList, otherHub, spec, useMileApp, withFakeOf } from './setup';

useMileApp();

describe.each(['format', 'options'] as const)(
	'[inferred] flowFieldChoices %s (sheets silent on where a select field lists its choices)',
	(flowFieldChoices) => {
		it("Flow Get Many lists the flows; Get Fields lists a flow's fields as MileApp answers them", async () => {
			await withFakeOf({ flowFieldChoices }, async (_other, run) => {
				const flows = await run({ resource: 'flow', operation: 'getAll', returnAll: true });
				expect(flows.items.map((item) => item.json.name)).toEqual(['Delivery']);
				const fields = await run({
					resource: 'flow',
					operation: 'getFields',
					flow: fromList('Delivery'),
				});
				expect(fields.items.map((item) => [item.json.field, item.json.required])).toEqual([
					['invoice', true],
					['recipientName', true],
					['packageCount', true],
					['priority', false],
				]);
				expect(fields.items[3].json[flowFieldChoices]).toEqual(['Low', 'Normal', 'Urgent']);
			});
		});

		it("the mapper offers the chosen flow's fields with n8n types, a select field's choices, required ones marked (none for Update)", async () => {
			await withFakeOf({ flowFieldChoices }, async (other) => {
				const credentialId = engine.credentials.add('mileAppApi', other.credentialData()).id!;
				const mapperOf = async (operation: string) =>
					await resourceMapperFields(
						engine,
						spec({ resource: 'task', operation, flow: fromList('Delivery') }, { credentialId }),
						'getFlowFields',
					);
				const create = await mapperOf('create');
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
				const update = await mapperOf('update');
				expect(update.fields.every((field) => !field.required)).toBe(true);
			});
		});
	},
);

describe('editor', () => {
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
