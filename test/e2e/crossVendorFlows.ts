/**
 * The four cross-vendor examples and the staff day that drives them, shared by the run in one n8n process
 * (crossVendor.test.ts) and the run in queue mode (test/queue): the sandbox's fakes and credentials, what
 * staff do in each vendor's app, and the linked state both systems must end up holding, each write made once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { HumanityFake } from '../fakes/humanity';
import { MileAppFake, type MileAppWebhookTarget } from '../fakes/mileApp';
import { OliverFake, OLIVER_API_PREFIX } from '../fakes/oliver';
import { OPEN_DENTAL_API_PREFIX, OpenDentalFake } from '../fakes/openDental';
import { PlannrFake } from '../fakes/plannr';
import type { N8nCredential, N8nWorkflow } from './harness/workflowBuilder';
import { isFinished } from './harness/waiting';

const EXAMPLES = {
	odDoneCompletesOliver: 'cross-open-dental-done-completes-oliver',
	oliverCreatesOdTask: 'cross-oliver-task-creates-open-dental-task',
	mileAppDoneCompletesPlannr: 'cross-mileapp-finished-completes-plannr',
	oliverRefillToHumanity: 'cross-oliver-refill-adds-humanity-shift-task',
};
type CrossVendorWorkflows = Record<keyof typeof EXAMPLES, N8nWorkflow>;

/** The example files, as a user imports them. */
export function crossVendorWorkflows(): CrossVendorWorkflows {
	const example = (file: string) =>
		JSON.parse(
			readFileSync(path.join(__dirname, '../../examples', `${file}.json`), 'utf8'),
		) as N8nWorkflow;
	return Object.fromEntries(
		Object.entries(EXAMPLES).map(([key, file]) => [key, example(file)]),
	) as CrossVendorWorkflows;
}

/** The MileApp Trigger's Production URL path in the examples, which MileApp's web app is told to call. */
export function mileAppWebhookPath(workflows: CrossVendorWorkflows): string {
	const trigger = workflows.mileAppDoneCompletesPlannr.nodes.find((node) =>
		node.type.endsWith('.mileAppTrigger'),
	)!;
	return `/webhook/${String(trigger.webhookId)}/webhook`;
}

/**
 * The webhook set up by hand in MileApp's web app for the example: its trigger's Production URL under
 * `n8nBaseUrl`, finished tasks, and the secret header the example's MileApp Webhook credential expects.
 */
export function mileAppExampleWebhook(
	fakes: CrossVendorFakes,
	workflows: CrossVendorWorkflows,
	n8nBaseUrl: string,
): MileAppWebhookTarget {
	return {
		url: `${n8nBaseUrl}${mileAppWebhookPath(workflows)}`,
		events: ['onFinish'],
		headers: fakes.mileApp.webhookSecretHeaders(),
	};
}

const reference = (vendor: string, id: string | number) => `[taskbridge:${vendor}:${id}]`;

type Probe<T> = () => Promise<T | undefined | false> | T | undefined | false;
type WaitFor = <T>(what: string, probe: Probe<T>) => Promise<T>;

/** What the staff day made, for the final checks. */
interface StaffDay {
	callback: { id: string };
	refill: { id: string };
	plannrTaskUuid: string;
	callbackMirrorNum: number;
	pharmacyShiftId: number;
}

/** The five seeded fakes of the sandbox; Open Dental is a local office (its Remote throttle is tested on its own). */
/** The sandbox credentials by type: the ids and names the examples refer to. */
export const SANDBOX_CREDENTIALS = {
	oliverApi: { id: 'oliverSandbox', name: 'Oliver sandbox' },
	openDentalApi: { id: 'openDentalSandbox', name: 'Open Dental sandbox' },
	plannrApi: { id: 'plannrSandbox', name: 'Plannr sandbox' },
	mileAppApi: { id: 'mileAppSandbox', name: 'MileApp sandbox' },
	mileAppWebhookApi: { id: 'mileAppWebhookSandbox', name: 'MileApp webhook sandbox' },
	humanityApi: { id: 'humanitySandbox', name: 'Humanity sandbox' },
} as const;
type SandboxCredentialType = keyof typeof SANDBOX_CREDENTIALS;

export class CrossVendorFakes {
	readonly oliver = new OliverFake();
	readonly openDental = new OpenDentalFake({ throttle: null });
	readonly plannr = new PlannrFake();
	readonly mileApp = new MileAppFake();
	readonly humanity = new HumanityFake();
	readonly all = [this.oliver, this.openDental, this.plannr, this.mileApp, this.humanity];

	async start(): Promise<void> {
		for (const fake of this.all) {
			await fake.start();
			fake.seedSandbox();
		}
	}

	async stop(): Promise<void> {
		for (const fake of this.all) await fake.stop();
	}

	/** The credentials the examples name, as `npm start` makes them. */
	credentials(): N8nCredential[] {
		const data: Record<SandboxCredentialType, Record<string, unknown>> = {
			oliverApi: this.oliver.credentialData(),
			openDentalApi: { ...this.openDental.credentialData(), rateLimit: 'none' },
			plannrApi: this.plannr.credentialData(),
			mileAppApi: this.mileApp.credentialData(),
			mileAppWebhookApi: this.mileApp.webhookCredentialData(),
			humanityApi: this.humanity.credentialData(),
		};
		return Object.entries(SANDBOX_CREDENTIALS).map(([type, named]) => ({
			...named,
			type,
			data: data[type as SandboxCredentialType],
		}));
	}

	/** A poll reads the first page (Oliver: page=0; Open Dental: Offset=0), and more only when there are more. */
	oliverPolls() {
		return this.oliver.requests.filter(
			(request) =>
				request.method === 'GET' &&
				request.path === `${OLIVER_API_PREFIX}/staff_tasks` &&
				(request.query.page ?? '0') === '0',
		);
	}

	openDentalPolls() {
		return this.openDental.requests.filter(
			(request) =>
				request.method === 'GET' &&
				request.path === `${OPEN_DENTAL_API_PREFIX}/tasks` &&
				(request.query.Offset ?? '0') === '0',
		);
	}

	mirrorsOf(oliverTaskId: string) {
		return [...this.openDental.tasks.values()].filter((task) =>
			task.Descript.includes(reference('oliver', oliverTaskId)),
		);
	}

	plannrCompletions(uuid: string) {
		return this.plannr.requests.filter(
			(request) => request.method === 'PATCH' && request.path.endsWith(`/task/${uuid}/complete`),
		);
	}

	/** As a receptionist does in Open Dental: the task marked Done. */
	async markDoneInOpenDental(taskNum: number): Promise<void> {
		const { developerApiKey, customerApiKey } = this.openDental.credentialData();
		const answer = await fetch(`${this.openDental.url}${OPEN_DENTAL_API_PREFIX}/tasks/${taskNum}`, {
			method: 'PUT',
			headers: {
				Authorization: `ODFHIR ${developerApiKey}/${customerApiKey}`,
				'Content-Type': 'application/json',
			},
			body: JSON.stringify({ TaskStatus: 'Done' }),
		});
		expect(answer.status).toBe(200);
	}

	/** As in MileApp's field app: a visit linked to the Plannr task is created, assigned and finished (→ a webhook to n8n). */
	finishVisitFor(plannrTaskUuid: string, customerName: string): void {
		const visit = [...this.mileApp.flows.values()].find((flow) => flow.name === 'Visit')!;
		const [hub] = [...this.mileApp.hubs.values()];
		const [fieldWorker] = [...this.mileApp.users.values()].filter(
			(user) => user.hubIds === 'all' || user.hubIds.includes(hub._id),
		);
		const task = this.mileApp.createTask({
			flowId: visit._id,
			hubId: hub._id,
			fields: {
				customerName,
				address: '1 High Street',
				notes: `Visit ${reference('plannr', plannrTaskUuid)}`,
			},
		});
		this.mileApp.assignTask(task._id, [fieldWorker.email]);
		this.mileApp.finishTask(task._id);
	}

	/**
	 * Staff work in each app, once the triggers have their baseline, and the examples carry each change across:
	 * the Plannr task completed, an Open Dental mirror of each Oliver task, the refill on the Pharmacy shift,
	 * and the Oliver task completed when its mirror is marked Done.
	 */
	async playStaffDay(waitFor: WaitFor): Promise<StaffDay> {
		const { oliver, plannr, humanity } = this;
		// Oliver: a receptionist adds a staff task about a patient, and a vet a prescription refill due at noon.
		const [client] = [...oliver.clients.values()];
		const callback = oliver.addTask({
			title: 'Call owner about lab results',
			description: 'Bloodwork is back.',
			client_id: client.id,
		});
		const refillAt = humanity.zoned().startOf('day').plus({ hours: 12 });
		const refill = oliver.addTask({
			title: 'Refill carprofen 75 mg',
			task_type: 'rx_refill',
			client_id: client.id,
			reference_time_at: refillAt.toUTC().toISO(),
		});
		// MileApp: a visit that mirrors a Plannr task is created, assigned and finished in the field.
		const plannrTask = [...plannr.tasks.values()].find((task) => task.completed_at === null)!;
		this.finishVisitFor(plannrTask.uuid, 'Tom Hughes');

		// 3. MileApp task finished → the linked Plannr task completed.
		await waitFor(
			'the Plannr task completed',
			() => plannr.tasks.get(plannrTask.uuid)!.completed_at !== null,
		);

		// 2. Oliver task created → one linked Open Dental task for each, in Front Desk, from Admin.
		const [callbackMirror] = await waitFor('an Open Dental task mirroring each Oliver task', () => {
			const mirrors = [this.mirrorsOf(callback.id), this.mirrorsOf(refill.id)];
			return mirrors.every((found) => found.length > 0) && mirrors.map((found) => found[0]);
		});
		expect(callbackMirror).toMatchObject({ TaskListNum: 1, UserNum: 1, TaskStatus: 'New' });
		expect(callbackMirror.Descript).toBe(
			`Call owner about lab results\nBloodwork is back.\n\nFrom Oliver ${reference('oliver', callback.id)}`,
		);

		// 4. Oliver refill → a time-boxed task on today's Pharmacy shift, from noon for 30 minutes.
		const pharmacyShift = [...humanity.shifts.values()].find(
			(shift) =>
				humanity.positions.get(shift.positionId)?.name === 'Pharmacy' &&
				shift.startMs <= refillAt.toMillis() &&
				shift.endMs > refillAt.toMillis(),
		)!;
		const [refillTask] = await waitFor('the refill on the Pharmacy shift', () => {
			const tasks = humanity.liveShiftTasks(pharmacyShift.id);
			return tasks.length > 0 && tasks;
		});
		expect(refillTask).toMatchObject({ name: 'Rx refill: Refill carprofen 75 mg', type: 2 });
		expect(refillTask.description).toContain(reference('oliver', refill.id));
		expect(DateTime.fromISO(refillTask.options!.startTime).toMillis()).toBe(refillAt.toMillis());
		expect(DateTime.fromISO(refillTask.options!.dueTime).toMillis()).toBe(
			refillAt.plus({ minutes: 30 }).toMillis(),
		);
		expect(refillTask.taskId).toBe(
			[...humanity.masterTasks.values()].find((task) => task.name === 'Prescription refill')!.id,
		);

		// 1. The receptionist marks the callback's Open Dental task done → the Oliver task is completed.
		await this.markDoneInOpenDental(callbackMirror.TaskNum);
		await waitFor(
			'the Oliver task completed',
			() => oliver.tasks.get(callback.id)!.status === 'completed',
		);
		return {
			callback,
			refill,
			plannrTaskUuid: plannrTask.uuid,
			callbackMirrorNum: callbackMirror.TaskNum,
			pharmacyShiftId: pharmacyShift.id,
		};
	}

	/**
	 * Every run finished well, and each change was made once at the vendors. Both Oliver tasks may come in one
	 * poll (one run) or two; that each was acted on once is checked at the vendors.
	 */
	async expectLinkedState(
		day: StaffDay,
		workflows: CrossVendorWorkflows,
		runsOf: (workflow: N8nWorkflow) => Promise<Array<{ status: string }>>,
		waitFor: WaitFor,
	): Promise<void> {
		for (const workflow of Object.values(workflows)) {
			const runs = await waitFor(`the runs of "${workflow.name}" finished`, async () => {
				const stored = await runsOf(workflow);
				return stored.length > 0 && stored.every(isFinished) && stored;
			});
			expect([workflow.name, runs.map((run) => run.status)]).toEqual([
				workflow.name,
				runs.map(() => 'success'),
			]);
		}
		expect((await runsOf(workflows.oliverCreatesOdTask)).length).toBeLessThanOrEqual(2);
		for (const workflow of [
			workflows.oliverRefillToHumanity,
			workflows.odDoneCompletesOliver,
			workflows.mileAppDoneCompletesPlannr,
		]) {
			expect([workflow.name, (await runsOf(workflow)).length]).toEqual([workflow.name, 1]);
		}
		const { callback, refill } = day;
		expect(this.oliver.tasks.get(callback.id)).toMatchObject({
			status: 'completed',
			finalized_at: expect.any(String),
		});
		expect(this.oliver.tasks.get(refill.id)).toMatchObject({
			status: 'pending',
			finalized_at: null,
		});
		expect([this.mirrorsOf(callback.id).length, this.mirrorsOf(refill.id).length]).toEqual([1, 1]);
		expect(this.openDental.tasks.get(day.callbackMirrorNum)!.TaskStatus).toBe('Done');
		expect(this.humanity.liveShiftTasks(day.pharmacyShiftId)).toHaveLength(1);
		expect(this.plannrCompletions(day.plannrTaskUuid)).toHaveLength(1);
		expect(
			this.oliver.requests.filter(
				(request) =>
					request.method === 'PUT' && request.path.endsWith(`/staff_tasks/${callback.id}`),
			),
		).toHaveLength(1);
	}
}
