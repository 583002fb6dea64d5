import { fireEvent, screen, within } from "@testing-library/react";
import { useSearchParams } from "react-router";

import { CategoryNav } from "./CategoryNav";
import { categoryTree, type Category } from "./categories";
import { searchFromParams } from "./search";
import { SearchForm } from "./SearchForm";
import { renderAt } from "../../shared/testing";

const categories: Category[] = [
  { id: "c1", slug: "anagrafe-stato-civile", name: "Anagrafe e stato civile", description: null, parent: null },
  { id: "c2", slug: "documenti-identita", name: "Documenti d'identità", description: null, parent: { id: "c1" } },
  { id: "c3", slug: "tributi", name: "Tributi", description: null, parent: null },
];

/** The search form and the category links, driven by the URL as the catalogue page drives them. */
function SearchControls() {
  const [params] = useSearchParams();
  const search = searchFromParams(params);
  return (
    <>
      <SearchForm key={search.text} search={search} />
      <CategoryNav tree={categoryTree(categories)} search={search} />
    </>
  );
}

const location = () => screen.getByTestId("location").textContent;

describe("the catalogue's search and categories in the URL", () => {
  it("puts the words searched in the URL, keeping the category and leaving the page reached", () => {
    renderAt(<SearchControls />, { url: "/?categoria=tributi&dopo=abc" });
    fireEvent.change(screen.getByLabelText("Cerca un servizio"), { target: { value: "riduzione tari" } });
    fireEvent.click(screen.getByRole("button", { name: "Cerca" }));
    expect(location()).toBe("/?q=riduzione+tari&categoria=tributi");
  });

  it("shows the words of the URL in the search field", () => {
    renderAt(<SearchControls />, { url: "/?q=residenza" });
    expect((screen.getByLabelText("Cerca un servizio") as HTMLInputElement).value).toBe("residenza");
  });

  it("links each category, subcategories included, keeping the words searched", () => {
    renderAt(<SearchControls />, { url: "/?q=carta" });
    const nav = screen.getByRole("navigation", { name: "Esplora per categoria" });
    expect(within(nav).getByRole("link", { name: "Documenti d'identità" }).getAttribute("href")).toBe(
      "/?q=carta&categoria=documenti-identita",
    );
    expect(within(nav).getByRole("link", { name: "Tutte le categorie" }).getAttribute("href")).toBe("/?q=carta");
  });

  it("marks the category being browsed, and following another one moves there", () => {
    renderAt(<SearchControls />, { url: "/?categoria=tributi" });
    const nav = screen.getByRole("navigation", { name: "Esplora per categoria" });
    expect(within(nav).getByRole("link", { name: "Tributi" }).getAttribute("aria-current")).toBe("true");
    expect(within(nav).getByRole("link", { name: "Anagrafe e stato civile" }).getAttribute("aria-current")).toBeNull();
    fireEvent.click(within(nav).getByRole("link", { name: "Anagrafe e stato civile" }));
    expect(location()).toBe("/?categoria=anagrafe-stato-civile");
  });
});
