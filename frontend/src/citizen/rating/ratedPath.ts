/**
 * The path a rating is counted under: the page's address, but one person's practice counts as
 * "a practice's page" (its id says nothing to whoever reads the ratings, and is nobody else's).
 */
export function ratedPath(pathname: string): string {
  const [first, second, ...rest] = pathname.split("/").filter(Boolean);
  if (first === "pratiche" && second) return ["", first, ":id", ...rest].join("/");
  return pathname.length > 1 ? pathname.replace(/\/$/, "") : "/";
}
