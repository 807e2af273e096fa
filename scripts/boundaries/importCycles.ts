/**
 * Import cycles, between files and between folders: the strongly connected components of the
 * import graph (Tarjan), each told as one loop through it with the import that makes every link
 * ("a.ts:3 imports b.ts"). Type-only imports count: a cycle of types is a cycle of ideas.
 */

/** One import of the graph: `from` (a file) imports `to` (a file) at `line`. */
export interface ImportEdge {
  from: string;
  to: string;
  line: number;
}

/** The strongly connected components of more than one node (or a node importing itself). */
function cyclicComponents(nodes: readonly string[], next: (node: string) => readonly string[]): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || next(v).includes(v)) found.push(component.sort());
    }
  };
  for (const v of [...nodes].sort()) if (!indexOf.has(v)) visit(v);
  return found;
}

/** A loop through `component` from its first node: the shortest way back, by breadth-first search. */
function loopThrough(component: readonly string[], next: (node: string) => readonly string[]): string[] {
  const start = component[0]!;
  const inside = new Set(component);
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of next(v)) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0]!)!);
        return [...path, start];
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/**
 * Every cycle among the nodes `nodeOf` maps files to (the file itself, or its folder), one line
 * each: "folder cycle: a → b → a (a/x.ts:2 imports b/y.ts; b/z.ts:5 imports a/w.ts)".
 */
export function importCycles(edges: readonly ImportEdge[], nodeOf: (file: string) => string, kind: string): string[] {
  const links = new Map<string, Map<string, ImportEdge>>();
  for (const edge of edges) {
    const a = nodeOf(edge.from);
    const b = nodeOf(edge.to);
    if (a === b && kind !== 'file') continue;
    const out = links.get(a) ?? new Map<string, ImportEdge>();
    if (!out.has(b)) out.set(b, edge);
    links.set(a, out);
  }
  const next = (node: string) => [...(links.get(node)?.keys() ?? [])].sort();
  const nodes = [...new Set([...links.keys(), ...[...links.values()].flatMap((m) => [...m.keys()])])];
  return cyclicComponents(nodes, next).map((component) => {
    const loop = loopThrough(component, next);
    const because = loop
      .slice(0, -1)
      .map((a, i) => {
        const edge = links.get(a)!.get(loop[i + 1]!)!;
        return `${edge.from}:${edge.line} imports ${edge.to}`;
      })
      .join('; ');
    return `${kind} cycle: ${loop.join(' → ')} (${because})`;
  });
}
