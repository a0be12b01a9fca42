import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import type { NodeAttributes } from './build-graph.js';
import { NO_EDGE } from './no-edge-program.js';
import { MUTED } from './palette.js';
import { passes } from './view-state.js';
import type { ViewState } from './view-state.js';

/** sigma's node and edge reducers for a view state: filters and time window hide, focus and ego fade the rest. */
export function reducers(graph: Graph<NodeAttributes>, view: () => ViewState) {
  const visible = (id: string, a: NodeAttributes, v: ViewState) => passes(a.node, v.filters) && (!v.window || v.window.has(id));
  const lit = (id: string, v: ViewState) => {
    if (v.ego) return v.ego.has(id);
    if (v.focus && graph.hasNode(v.focus)) return id === v.focus || graph.areNeighbors(id, v.focus);
    return true;
  };
  const nodeReducer = (id: string, a: Attributes) => {
    const attrs = a as NodeAttributes;
    const v = view();
    if (!visible(id, attrs, v)) return { ...attrs, hidden: true };
    const group = v.window ? (v.window.get(id) ?? null) : attrs.community;
    const on = lit(id, v);
    return {
      ...attrs,
      color: on ? v.colorOf(group, !!v.window) : MUTED,
      label: on ? attrs.label : '',
      forceLabel: on && (attrs.forceLabel || id === v.focus),
      highlighted: id === v.focus,
      zIndex: id === v.focus ? 2 : on ? 1 : 0,
    };
  };
  const edgeReducer = (edge: string, a: Attributes) => {
    const v = view();
    if (v.hideEdges) return { ...a, hidden: true, type: NO_EDGE };
    const [s, t] = graph.extremities(edge);
    const sa = graph.getNodeAttributes(s);
    const ta = graph.getNodeAttributes(t);
    if (!visible(s, sa, v) || !visible(t, ta, v)) return { ...a, hidden: true };
    if (v.ego) return v.ego.has(s) && v.ego.has(t) ? { ...a, color: '#7d8794', size: 1 } : { ...a, hidden: true };
    if (v.focus) return s === v.focus || t === v.focus ? { ...a, color: '#7d8794', size: 1 } : { ...a, hidden: true };
    return { ...a, color: '#d5dae1' };
  };
  return { nodeReducer, edgeReducer };
}
