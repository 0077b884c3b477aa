/**
 * The Output choice of the nodes that output tasks (nodes/shared/taskOutput.ts), as a user meets it: a node
 * added now (version 2) offers n8n's words, Simplified by default; a workflow saved with version 1 shows and
 * runs as it did. Oliver stands for every vendor: the choice is one shared piece, applied by the declarative
 * routing, the programmatic runs and the triggers alike (Humanity's programmatic Get Many is run too).
 */
import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { HumanityFake } from '../fakes/humanity';
import { OliverFake } from '../fakes/oliver';
import { Engine, pollTrigger, runNode, shownProperties } from './harness';
import { serveFake } from './serveFake';

const oliver = new OliverFake();
const humanity = new HumanityFake();
serveFake(oliver);
serveFake(humanity);

let engine: Engine;
let oliverCredential: string;
beforeEach(() => {
	oliver.reset();
	engine = new Engine();
	oliverCredential = engine.credentials.add('oliverApi', oliver.credentialData()).id!;
});

/** Oliver → Staff Task → Get of one task, at a node version, with the Output parameters given. */
async function getTask(typeVersion: number, output: IDataObject = {}) {
	const task = oliver.addTask({ title: 'Call owner about lab results', task_type: 'rx_refill' });
	const run = await runNode(engine, {
		type: 'oliver',
		typeVersion,
		credentialId: oliverCredential,
		parameters: { resource: 'staffTask', operation: 'get', taskId: task.id, ...output },
	});
	return { task, run };
}

describe('a node added now (version 2)', () => {
	it('outputs the Simplified task by default: the shared fields, without the raw record', async () => {
		const { task, run } = await getTask(2);

		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				vendor: 'oliver',
				id: String(task.id),
				title: 'Call owner about lab results',
				status: 'open',
				reference: `[taskbridge:oliver:${task.id}]`,
			}),
		]);
		expect(run.items[0].json).not.toHaveProperty('raw');
		expect(run.items[0].json).not.toHaveProperty('task_type');
	});

	it('Raw outputs the task exactly as Oliver answered it', async () => {
		const { task, run } = await getTask(2, { outputFormat: 'raw' });

		expect(run.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				id: task.id,
				title: 'Call owner about lab results',
				task_type: 'rx_refill',
				status: 'pending',
			}),
		]);
		expect(run.items[0].json).not.toHaveProperty('vendor');
	});

	it('Selected Fields outputs only the fields named: the Simplified ones first, then Oliver’s own', async () => {
		const { run } = await getTask(2, {
			outputFormat: 'selected',
			outputFields: ' title, status ,task_type,not_a_field',
		});

		// status is the Simplified one ("open", not Oliver's "pending"); task_type is Oliver's own field.
		expect(run.items.map((item) => item.json)).toEqual([
			{ title: 'Call owner about lab results', status: 'open', task_type: 'rx_refill' },
		]);
	});

	it.each([
		['left empty (n8n itself refuses the run)', '', 'Parameter "Fields" is required'],
		['holding commas only', ' , ', '"Fields" is required when "Output" is Selected Fields'],
	])(
		'Selected Fields with Fields %s is refused before any request, naming the field',
		async (_, outputFields, message) => {
			const task = oliver.addTask({ title: 'Left alone' });
			const complete = runNode(engine, {
				type: 'oliver',
				typeVersion: 2,
				credentialId: oliverCredential,
				parameters: {
					resource: 'staffTask',
					operation: 'complete',
					taskId: task.id,
					outputFormat: 'selected',
					outputFields,
				},
			});

			const refusal = await complete.then(
				(run) => run.error?.message,
				(error: Error) => error.message,
			);
			expect(refusal).toContain(message);
			expect(oliver.requests.filter((request) => request.method === 'PUT')).toEqual([]);
			expect(oliver.tasks.get(task.id)?.status).toBe('pending');
		},
	);

	it('a programmatic operation (Humanity → Master Task → Get Many) is shaped the same way', async () => {
		humanity.reset();
		humanity.addMasterTask({ name: 'Count the float' });
		const credentialId = engine.credentials.add('humanityApi', humanity.credentialData()).id!;
		const run = await runNode(engine, {
			type: 'humanity',
			typeVersion: 2,
			credentialId,
			credentialType: 'humanityApi',
			parameters: {
				resource: 'masterTask',
				operation: 'getAll',
				returnAll: true,
				outputFormat: 'selected',
				outputFields: 'title',
			},
		});

		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.json)).toEqual([{ title: 'Count the float' }]);
	});

	it('a trigger outputs the Simplified task by default too', async () => {
		const staticData: IDataObject = {};
		const trigger = {
			type: 'oliverTrigger',
			typeVersion: 2,
			credentialId: oliverCredential,
			parameters: { event: 'taskCreated' },
		};
		expect(await pollTrigger(engine, trigger, staticData)).toBeNull();
		const task = oliver.addTask({ title: 'New after the baseline' });

		const items = await pollTrigger(engine, trigger, staticData);

		expect(items?.map((item) => item.json)).toEqual([
			expect.objectContaining({ vendor: 'oliver', id: String(task.id), title: task.title }),
		]);
		expect(items?.[0].json).not.toHaveProperty('raw');
	});
});

describe('a workflow saved with version 1', () => {
	it('runs as before: the vendor’s fields by default, the normalized task with its raw record when chosen', async () => {
		const { task, run } = await getTask(1);
		expect(run.items[0].json).toEqual(expect.objectContaining({ id: task.id, status: 'pending' }));
		expect(run.items[0].json).not.toHaveProperty('vendor');

		const normalized = await getTask(1, { outputFormat: 'normalized' });
		expect(normalized.run.items[0].json).toEqual(
			expect.objectContaining({
				vendor: 'oliver',
				status: 'open',
				raw: expect.objectContaining({ id: normalized.task.id }),
			}),
		);
	});
});

describe('in the editor', () => {
	const outputChoice = (typeVersion: number, parameters: IDataObject = {}) =>
		shownProperties(
			'oliver',
			{ resource: 'staffTask', operation: 'get', ...parameters },
			typeVersion,
		);
	const optionNames = (property: INodeProperties | undefined) =>
		(property?.options as INodePropertyOptions[] | undefined)?.map((option) => option.name);

	it('version 2 offers Simplified (the default), Raw and Selected Fields; Fields shows for Selected Fields only', () => {
		const shown = outputChoice(2);
		const output = shown.find((property) => property.name === 'outputFormat');
		expect(optionNames(output)).toEqual(['Simplified', 'Raw', 'Selected Fields']);
		expect(output?.default).toBe('simplified');
		expect(shown.map((property) => property.name)).not.toContain('outputFields');
		expect(
			outputChoice(2, { outputFormat: 'selected' }).map((property) => property.name),
		).toContain('outputFields');
	});

	it('version 1 still shows its own choice, so a saved workflow opens as it was', () => {
		const output = outputChoice(1).find((property) => property.name === 'outputFormat');
		expect(optionNames(output)).toEqual(['Normalized Task', 'Vendor Fields']);
		expect(output?.default).toBe('vendor');
	});
});
