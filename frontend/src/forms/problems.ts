import type { Problem } from "../shared/problems";

/** The form path of a server problem on the submitted data ("data.children[2].birthDate"). */
export function formPath(problem: Problem): string | null {
  const field = problem.field ?? "";
  if (field === "data") return null;
  return field.startsWith("data.") ? field.slice("data.".length) : null;
}

/** A field problem, once the renderer found its component: what the summary links to. */
export interface FieldProblem {
  path: string;
  label: string;
  /** The id of the component's element, for the summary's link; null if not on the page. */
  elementId: string | null;
  messages: string[];
}

/** The problems on form fields grouped by path, in the order they came; the others apart. */
export function groupProblems(problems: Problem[]): { byPath: Map<string, string[]>; general: Problem[] } {
  const byPath = new Map<string, string[]>();
  const general: Problem[] = [];
  for (const problem of problems) {
    const path = formPath(problem);
    if (path === null) {
      general.push(problem);
      continue;
    }
    byPath.set(path, [...(byPath.get(path) ?? []), problem.message]);
  }
  return { byPath, general };
}

/**
 * The component a path names: the path itself, else its closest parent ("files[0]" is a
 * problem with the first file of the component "files").
 */
export function componentPathCandidates(path: string): string[] {
  const candidates = [path];
  let rest = path;
  for (;;) {
    const shorter = rest.replace(/(\[\d+\]|\.[^.[\]]+)$/, "");
    if (shorter === rest || !shorter) return candidates;
    candidates.push(shorter);
    rest = shorter;
  }
}
