/** The municipality a page belongs to: the first segment of its path (`/bugliano/...`). */
export function tenantFromPath(pathname: string = window.location.pathname): string {
  const slug = pathname.split("/").filter(Boolean)[0];
  if (!slug) throw new Error("the page's path names no municipality (/{tenant}/...)");
  return decodeURIComponent(slug);
}

/** The GraphQL endpoint of a municipality, relative to `origin` (the widgets pass their server's). */
export function graphqlUrl(tenant: string, origin = ""): string {
  return `${origin}/${encodeURIComponent(tenant)}/graphql`;
}
