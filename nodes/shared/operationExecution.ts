import type { INodePropertyRouting } from 'n8n-workflow';
import { applyTaskOutput, normalizeWhenAsked, TASK_OUTPUT_RULES, taskOutputOf } from './taskOutput';
import type {
	OperationDefinition,
	OperationRequest,
	OperationRun,
	ResourceRun,
	VendorOperations,
} from './operation';
import { rulesOf } from './operationRules';
import { routingFor } from './requests';
import { checkValues, executeParameterReader, validateFields } from './validation';

/** How n8n carries out an operation: a declarative one's routing, a programmatic one's run. */

/** The operation's checks, and for one that outputs tasks the Output choice's. */
function rulesWithOutput(vendor: VendorOperations, operation: OperationDefinition) {
	const outputs = operation.outputsTasks && vendor.taskMapper !== undefined;
	return [...rulesOf(operation), ...(outputs ? TASK_OUTPUT_RULES : [])];
}

/** The request's routing: the input checks and `build` first, then the tasks normalized when asked. */
export function routingOf(
	vendor: VendorOperations,
	operation: OperationDefinition,
	request: OperationRequest,
): INodePropertyRouting {
	if (!vendor.routing) throw new Error(`${vendor.vendorName} has no declarative routing`);
	const { method, url, qs, body, paged, build, preSend = [], postReceive } = request;
	const rules = rulesWithOutput(vendor, operation);
	const checks = rules.length > 0 || build ? [validateFields(rules, build)] : [];
	const normalize =
		operation.outputsTasks && vendor.taskMapper ? [normalizeWhenAsked(vendor.taskMapper)] : [];
	return routingFor(vendor.routing)(
		{ method, ...(url ? { url } : {}), ...(qs ? { qs } : {}), ...(body ? { body } : {}) },
		{
			paged,
			preSend: [...checks, ...preSend],
			postReceive: [...(postReceive ?? vendor.routing.output), ...normalize],
		},
	);
}

/** The run with the operation's checks at hand and, for tasks, the Output choice applied. */
export function runOf(
	vendor: VendorOperations,
	operation: OperationDefinition,
	run: OperationRun,
): ResourceRun {
	const rules = rulesWithOutput(vendor, operation);
	return async function () {
		const checkItem = (itemIndex: number) =>
			checkValues(this.getNode(), itemIndex, rules, executeParameterReader(this, itemIndex));
		const items = await run.call(this, checkItem);
		if (!operation.outputsTasks || !vendor.taskMapper) return items;
		const output = taskOutputOf((name, fallback) => this.getNodeParameter(name, 0, fallback));
		return applyTaskOutput(items, output, vendor.taskMapper, this.getTimezone());
	};
}
