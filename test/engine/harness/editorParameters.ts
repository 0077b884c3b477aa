/**
 * A node's parameters as n8n's editor handles them (n8n-workflow's NodeHelpers, which the editor calls): which
 * parameters and credentials it shows, and what it saves into the workflow.
 */
import { NodeHelpers, type INodeParameters, type INodeProperties } from 'n8n-workflow';
import { nodeOf } from './engine';
import { NODE_TYPES } from './packTypes';

function editorView(type: string, parameters: INodeParameters, typeVersion = 1) {
	const description = NODE_TYPES[type].description;
	const node = nodeOf({ type, parameters, typeVersion }, 'Node');
	const values =
		NodeHelpers.getNodeParameters(
			description.properties,
			parameters,
			true,
			false,
			node,
			description,
		) ?? {};
	const shown = (parameter: Parameters<typeof NodeHelpers.displayParameter>[1]) =>
		NodeHelpers.displayParameter(values, parameter, node, description);
	return { description, node, shown };
}

/** The names of the top-level parameters the editor shows for a node holding `parameters`. */
export function shownParameters(type: string, parameters: INodeParameters): string[] {
	return shownProperties(type, parameters).map((property) => property.name);
}

/** The top-level parameters the editor shows for a node of `typeVersion` holding `parameters`. */
export function shownProperties(
	type: string,
	parameters: INodeParameters,
	typeVersion = 1,
): INodeProperties[] {
	const { description, shown } = editorView(type, parameters, typeVersion);
	return description.properties.filter(shown);
}

/** The credential types the editor asks for on a node holding `parameters`. */
export function shownCredentials(type: string, parameters: INodeParameters): string[] {
	const { description, shown } = editorView(type, parameters);
	return (description.credentials ?? []).filter(shown).map((credential) => credential.name);
}

/** The parameters as the editor saves them after an edit: defaults and parameters it no longer shows are left out. */
export function savedParameters(type: string, parameters: INodeParameters): INodeParameters {
	const { description, node } = editorView(type, parameters);
	return (
		NodeHelpers.getNodeParameters(
			description.properties,
			parameters,
			false,
			false,
			node,
			description,
		) ?? {}
	);
}
