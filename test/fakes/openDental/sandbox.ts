/** The small dental office the sandbox behind `npm start` is seeded with: dates are relative to the clock. */
import type { OpenDentalStore } from './store';

/** A small dental office for the sandbox behind `npm start`: dates are relative to the clock. */
export function fillSandbox(fake: OpenDentalStore): void {
	const admin = fake.addUser({ UserName: 'Admin' });
	const maria = fake.addUser({ UserName: 'Maria (front desk)', EmployeeNum: 2 });
	fake.addUser({ UserName: 'Former Hygienist', EmployeeNum: 3, IsHidden: 'true' });
	fake.addPriority({ ItemName: 'Normal', ItemValue: 'D' });
	const high = fake.addPriority({ ItemName: 'High' });
	fake.addPriority({ ItemName: 'Low' });
	fake.addPriority({ ItemName: 'Obsolete', isHidden: 'true' });
	const front = fake.addTaskList({
		Descript: 'Front Desk',
		DateTimeEntry: fake.officeTime({ days: -400 }),
	});
	const hygiene = fake.addTaskList({
		Descript: 'Hygiene',
		DateTimeEntry: fake.officeTime({ days: -400 }),
	});
	fake.addTaskList({
		Descript: 'Old Insurance Follow-ups',
		TaskListStatus: 'Archived',
		DateTimeEntry: fake.officeTime({ days: -900 }),
	});

	const ago = (days: number, hours = 0) => fake.officeTime({ days: -days, hours: -hours });
	fake.addTask({
		TaskListNum: front.TaskListNum,
		Descript: 'Re-order general cleaning supplies by Friday.',
		UserNum: admin.UserNum,
		DateTimeOriginal: ago(2),
	});
	const verify = fake.addTask({
		TaskListNum: front.TaskListNum,
		Descript: 'Verify insurance before the next appointment.',
		UserNum: maria.UserNum,
		ObjectType: 'Appointment',
		KeyNum: 755,
		PriorityDefNum: high.DefNum,
		DateTimeOriginal: ago(1, 3),
	});
	const contact = fake.addTask({
		TaskListNum: front.TaskListNum,
		Descript: "Update Rebecca's contact information.",
		UserNum: maria.UserNum,
		ObjectType: 'Patient',
		KeyNum: 73,
		TaskStatus: 'Viewed',
		DateTimeOriginal: ago(3),
	});
	fake.addTask({
		TaskListNum: hygiene.TaskListNum,
		Descript: 'Call patient about recall appointment.',
		UserNum: admin.UserNum,
		ObjectType: 'Patient',
		KeyNum: 73,
		TaskStatus: 'Done',
		DateTimeOriginal: ago(5),
		DateTimeFinished: ago(4),
		SecDateTEdit: ago(4),
	});
	fake.addTask({
		TaskListNum: hygiene.TaskListNum,
		Descript: 'Sterilizer maintenance log.',
		UserNum: admin.UserNum,
		DescriptOverride: 'Sterilizer log',
		DateTimeOriginal: ago(0, 2),
	});
	// Older than the 14-day default window: only a DateTimeOriginal filter finds it.
	fake.addTask({
		TaskListNum: front.TaskListNum,
		Descript: 'Annual OSHA training sign-off.',
		UserNum: admin.UserNum,
		TaskStatus: 'Done',
		DateTimeOriginal: ago(30),
		DateTimeFinished: ago(25),
		SecDateTEdit: ago(25),
	});

	fake.addNote({
		TaskNum: verify.TaskNum,
		UserNum: maria.UserNum,
		Note: 'Left a voicemail with the carrier.',
		DateTimeNote: ago(1),
	});
	fake.addNote({
		TaskNum: verify.TaskNum,
		UserNum: admin.UserNum,
		Note: 'Carrier called back: coverage active.',
		DateTimeNote: ago(0, 5),
	});
	fake.addNote({
		TaskNum: contact.TaskNum,
		UserNum: maria.UserNum,
		Note: 'New phone number on the intake form.',
		DateTimeNote: ago(2),
	});
}
