/** One step of a breadcrumb: a page of the app (`to`, below its base) or of another site (`href`). */
export interface Crumb {
  label: string;
  to?: string;
  href?: string;
}

/**
 * The breadcrumb of a page, from "Home" to the page itself (its title, not a link): Home is the
 * municipality's own site when it has one, else the app's first page; a step that would lead
 * there again is left out.
 */
export function breadcrumbTrail({ home, siteUrl, parents, title, pathname }: {
  home: string;
  siteUrl?: string | null;
  parents: Crumb[];
  title: string;
  pathname: string;
}): { links: Crumb[]; current: string } {
  if (siteUrl) return { links: [{ label: home, href: siteUrl }, ...parents], current: title };
  if (pathname === "/") return { links: [], current: home };
  return { links: [{ label: home, to: "/" }, ...parents.filter((crumb) => crumb.to !== "/")], current: title };
}
