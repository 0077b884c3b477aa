/**
 * The sandbox's Oliver and Open Dental tasks that name each other, as the example "Oliver staff task created →
 * create the linked Open Dental task" writes them: the Open Dental task's description carries
 * `[taskbridge:oliver:<id>]`. One pair is done on both sides already (the newest Done task, so the Open Dental
 * Trigger's "Fetch Test Event" shows a link to map); in the other both are still open, for the first flow of
 * the README's tutorial to close.
 */
import type { OliverFake } from './oliver';
import type { OpenDentalFake } from './openDental';

export interface LinkedTasks {
	/** The Open Dental task still open and the Oliver task it names, still pending. */
	open: { openDentalTaskNum: number; oliverTaskId: string };
	/** The pair already done: the Open Dental Trigger's sample. */
	done: { openDentalTaskNum: number; oliverTaskId: string };
}

export function linkSandboxTasks(oliver: OliverFake, openDental: OpenDentalFake): LinkedTasks {
	const frontDesk = [...openDental.taskLists.values()].find(
		(list) => list.Descript === 'Front Desk',
	);
	if (!frontDesk) throw new Error('linkSandboxTasks needs the seeded sandbox (seedSandbox) first');
	const hoursAgo = (hours: number) => openDental.officeTime({ hours: -hours });

	const recordsSent = oliver.addTask({
		title: "Send Rex's records to the dental clinic",
		status: 'completed',
	});
	const doneThere = openDental.addTask({
		TaskListNum: frontDesk.TaskListNum,
		Descript: `Dental records received from the vet. [taskbridge:oliver:${recordsSent.id}]`,
		TaskStatus: 'Done',
		DateTimeOriginal: hoursAgo(30),
		DateTimeFinished: hoursAgo(20),
		SecDateTEdit: hoursAgo(20),
	});

	const cleaning = oliver.addTask({ title: "Confirm Rex's dental cleaning with the owner" });
	const openThere = openDental.addTask({
		TaskListNum: frontDesk.TaskListNum,
		Descript: `Schedule Rex's dental cleaning. [taskbridge:oliver:${cleaning.id}]`,
		DateTimeOriginal: hoursAgo(3),
	});
	return {
		open: { openDentalTaskNum: openThere.TaskNum, oliverTaskId: cleaning.id },
		done: { openDentalTaskNum: doneThere.TaskNum, oliverTaskId: recordsSent.id },
	};
}

/**
 * What staff do in Open Dental's own program, not through the API: mark a task Done. The office's clock
 * stamps it finished and edited, as the API's PUT does (test/fakes/openDental/tasks.ts).
 */
export function markDoneInOpenDental(openDental: OpenDentalFake, taskNum: number): void {
	const task = openDental.tasks.get(taskNum);
	if (!task) throw new Error(`no Open Dental task ${taskNum}`);
	const now = openDental.officeTime();
	Object.assign(task, { TaskStatus: 'Done', DateTimeFinished: now, SecDateTEdit: now });
}
