import { query } from "./api";
import { SportelloElement } from "./base";
import { cardOptions, cardView } from "./card";
import { h, heading } from "./dom";
import { uniqueId } from "./ids";
import type { Translate } from "./messages";
import { errorView, liveRegion } from "./status";
import type { WidgetCategoriesQuery, WidgetServicesQuery } from "../gql/graphql";

type Category = WidgetCategoriesQuery["categories"]["edges"][number]["node"];
export type ServicePage = WidgetServicesQuery["services"];

const DEFAULT_PAGE_SIZE = 9;
const MAX_PAGE_SIZE = 100;

/** The category an attribute names, by slug or id (hosts know slugs, the API filters by id). */
export function findCategory(categories: readonly Category[], value: string | null): Category | undefined {
  return value ? categories.find((category) => category.slug === value || category.id === value) : undefined;
}

/** How many pages a result has (at least one, so "page 1 of 1" reads right when it is empty). */
export function pageCount(totalCount: number | null | undefined, pageSize: number): number {
  return Math.max(1, Math.ceil((totalCount ?? 0) / pageSize));
}

export interface SearchForm {
  form: HTMLFormElement;
  text: HTMLInputElement;
  category: HTMLSelectElement;
}

/** The search box and the category filter, labelled, in Bootstrap Italia's form markup. */
export function searchFormView(t: Translate, categories: readonly Category[], chosen?: Category): SearchForm {
  const textId = uniqueId("text");
  const categoryId = uniqueId("category");
  const text = h("input", { type: "search", id: textId, name: "text", class: "form-control", autocomplete: "off" });
  const category = h(
    "select",
    { id: categoryId, name: "category" },
    h("option", { value: "" }, t("allCategories")),
    ...categories.map((option) => h("option", { value: option.id, selected: option === chosen }, option.name)),
  );
  const form = h(
    "form",
    { role: "search", class: "row g-3 align-items-end mb-3" },
    h(
      "div",
      { class: "col-12 col-md-6" },
      h("div", { class: "form-group mb-0" }, h("label", { for: textId, class: "active" }, t("searchLabel")), text),
    ),
    h(
      "div",
      { class: "col-12 col-md-4" },
      h("div", { class: "select-wrapper" }, h("label", { for: categoryId }, t("categoryLabel")), category),
    ),
    h("div", { class: "col-12 col-md-2" }, h("button", { type: "submit", class: "btn btn-primary w-100" }, t("search"))),
  );
  return { form, text, category };
}

export interface PagerOptions {
  t: Translate;
  page: number;
  pages: number;
  hasNext: boolean;
  go: (page: number) => void;
}

/** Previous / "page n of m" / next: a Relay connection is walked one page at a time. */
export function pagerView({ t, page, pages, hasNext, go }: PagerOptions): HTMLElement {
  const step = (label: string, target: number, enabled: boolean) => {
    const button = h("button", { type: "button", class: "page-link", disabled: !enabled }, label);
    button.addEventListener("click", () => go(target));
    return h("li", { class: `page-item${enabled ? "" : " disabled"}` }, button);
  };
  return h(
    "nav",
    { class: "pagination-wrapper", "aria-label": t("pages") },
    h(
      "ul",
      { class: "pagination" },
      step(t("previousPage"), page - 1, page > 0),
      h("li", { class: "page-item" }, h("span", { class: "page-link", "aria-current": "page" }, t("page", { page: page + 1, pages }))),
      step(t("nextPage"), page + 1, hasNext),
    ),
  );
}

/**
 * `<sportello-services tenant="…" [category="slug"] [page-size="9"]>`: the catalogue, with a
 * search box, a category filter, cards linking to the citizen area and pagination.
 */
export class ServicesElement extends SportelloElement {
  static observedAttributes = [...SportelloElement.shared, "category", "page-size"];

  private search!: SearchForm;
  private status!: HTMLElement;
  private results!: HTMLElement;
  /** `after` cursors of the pages seen so far: cursors[n] opens page n. */
  private cursors: (string | null)[] = [null];

  private get pageSize(): number {
    const size = Number(this.getAttribute("page-size"));
    return size >= 1 ? Math.min(MAX_PAGE_SIZE, Math.floor(size)) : DEFAULT_PAGE_SIZE;
  }

  protected async render(): Promise<void> {
    const generation = this.nextGeneration();
    const t = this.t;
    const headingId = uniqueId("services");
    this.status = liveRegion("mb-3");
    this.results = h("div");
    this.view.replaceChildren(
      h(
        "section",
        { "aria-labelledby": headingId },
        heading(this.headingLevel, { id: headingId, class: "mb-4" }, t("servicesHeading")),
        this.status,
        this.results,
      ),
    );
    this.status.textContent = t("loading");
    try {
      const data = await query<WidgetCategoriesQuery>(this.endpoint, "WidgetCategories", {});
      if (!this.current(generation)) return;
      const categories = data.categories.edges.map((edge) => edge.node);
      this.search = searchFormView(t, categories, findCategory(categories, this.getAttribute("category")));
      this.search.form.addEventListener("submit", (event) => {
        event.preventDefault();
        void this.showPage(0, true);
      });
      this.search.category.addEventListener("change", () => void this.showPage(0, true));
      this.status.before(this.search.form);
      await this.showPage(0, false);
    } catch {
      this.failed(generation, () => void this.render());
    }
  }

  /** Loads page `page` of the current search; `fresh` starts the cursors again (a new search). */
  private async showPage(page: number, fresh: boolean): Promise<void> {
    const generation = this.nextGeneration();
    const t = this.t;
    if (fresh) this.cursors = [null];
    this.status.textContent = t("loading");
    this.results.setAttribute("aria-busy", "true");
    const text = this.search.text.value.trim();
    const category = this.search.category.value;
    const filter = text || category ? { text: text || null, categories: category ? [category] : null } : null;
    try {
      const data = await query<WidgetServicesQuery>(this.endpoint, "WidgetServices", {
        filter,
        first: this.pageSize,
        after: this.cursors[page],
      });
      if (!this.current(generation)) return;
      this.showResults(data.services, page);
    } catch {
      this.failed(generation, () => void this.showPage(page, false));
    }
  }

  private showResults(services: ServicePage, page: number): void {
    const t = this.t;
    this.cursors[page + 1] = services.pageInfo.endCursor ?? null;
    const list = h(
      "ul",
      { class: "row list-unstyled" },
      ...services.edges.map(({ node }) =>
        h("li", { class: "col-12 col-md-6 col-lg-4 mb-4" }, cardView(node, cardOptions(this, node, this.headingLevel + 1))),
      ),
    );
    const pages = pageCount(services.totalCount, this.pageSize);
    const pager = pages > 1 && pagerView({ t, page, pages, hasNext: services.pageInfo.hasNextPage, go: (to) => this.turn(to) });
    this.results.replaceChildren(list, pager || "");
    this.results.removeAttribute("aria-busy");
    const count = services.totalCount ?? services.edges.length;
    this.status.textContent = count
      ? `${t("servicesFound", { n: count })}${pages > 1 ? ` · ${t("page", { page: page + 1, pages })}` : ""}`
      : t("noServices");
  }

  /** Another page: the pager is redrawn, so focus moves to the results' announcement. */
  private turn(page: number): void {
    void this.showPage(page, false).then(() => {
      this.status.tabIndex = -1;
      this.status.focus();
    });
  }

  private failed(generation: number, retry: () => void): void {
    if (!this.current(generation)) return;
    this.status.textContent = "";
    this.results.removeAttribute("aria-busy");
    this.results.replaceChildren(errorView(this.t, retry));
  }
}
