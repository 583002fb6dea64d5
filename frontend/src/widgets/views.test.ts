import { getByRole, getAllByRole, getByText, queryByRole } from "@testing-library/dom";

import { bookingPath, weekView } from "./booking";
import { cardView, type ServiceCard } from "./card";
import { translator } from "./messages";
import { findCategory, pageCount, pagerView, searchFormView } from "./services";
import { groupSlotsByWeek } from "./weeks";

const t = translator("it");

const service: ServiceCard = {
  id: "U2VydmljZTox",
  slug: "carta-identita-elettronica",
  name: "Carta d'identità elettronica",
  shortDescription: "Richiedi o rinnova la CIE.",
  bookingRequired: true,
  category: { id: "Q2F0ZWdvcnk6MQ==", name: "Anagrafe" },
};

function mounted(element: HTMLElement): HTMLElement {
  document.body.replaceChildren(element);
  return document.body;
}

describe("cardView", () => {
  it("shows the service's name as a link of the asked heading level, its category and text", () => {
    const body = mounted(cardView(service, { t, headingLevel: 3, href: "https://s.example/bugliano/servizi/cie", onFollow: () => true }));
    const link = getByRole(getByRole(body, "heading", { level: 3 }), "link", { name: "Carta d'identità elettronica" });
    expect(link.getAttribute("href")).toBe("https://s.example/bugliano/servizi/cie");
    getByText(body, "Anagrafe");
    getByText(body, "Richiedi o rinnova la CIE.");
    getByText(body, "Su appuntamento");
  });

  it("cancels the navigation when the host handles the choice", () => {
    const body = mounted(cardView(service, { t, headingLevel: 2, href: "#x", onFollow: () => false }));
    const click = new MouseEvent("click", { bubbles: true, cancelable: true });
    getByRole(body, "link").dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
  });

  it("says nothing about appointments or a category the service has not", () => {
    const plain = { ...service, bookingRequired: false, category: null, shortDescription: null };
    const body = mounted(cardView(plain, { t, headingLevel: 2, href: "#x", onFollow: () => true }));
    expect(body.textContent).toBe("Carta d'identità elettronica");
  });
});

describe("searchFormView", () => {
  const categories = [
    { id: "c1", slug: "anagrafe", name: "Anagrafe" },
    { id: "c2", slug: "tributi", name: "Tributi" },
  ];

  it("labels the search box and the category filter, with the host's category chosen", () => {
    const { form } = searchFormView(t, categories, findCategory(categories, "tributi"));
    const body = mounted(form);
    getByRole(body, "searchbox", { name: "Cerca un servizio" });
    const select = getByRole(body, "combobox", { name: "Categoria" }) as HTMLSelectElement;
    expect(getAllByRole(select, "option").map((option) => option.textContent)).toEqual(["Tutte le categorie", "Anagrafe", "Tributi"]);
    expect(select.value).toBe("c2");
    getByRole(body, "button", { name: "Cerca" });
  });

  it("finds a category by slug or id, and none for an unknown one", () => {
    expect(findCategory(categories, "c1")?.slug).toBe("anagrafe");
    expect(findCategory(categories, "sport")).toBeUndefined();
    expect(findCategory(categories, null)).toBeUndefined();
  });
});

describe("pagerView", () => {
  it("tells the page and goes back and forth", () => {
    const go = vi.fn();
    const body = mounted(pagerView({ t, page: 1, pages: 3, hasNext: true, go }));
    getByRole(body, "navigation", { name: "Pagine dei risultati" });
    getByText(body, "Pagina 2 di 3");
    getByRole(body, "button", { name: "Pagina precedente" }).click();
    getByRole(body, "button", { name: "Pagina successiva" }).click();
    expect(go.mock.calls).toEqual([[0], [2]]);
  });

  it("disables what leads nowhere", () => {
    const body = mounted(pagerView({ t, page: 0, pages: 2, hasNext: true, go: () => undefined }));
    expect((getByRole(body, "button", { name: "Pagina precedente" }) as HTMLButtonElement).disabled).toBe(true);
    expect(pageCount(0, 9)).toBe(1);
    expect(pageCount(10, 9)).toBe(2);
  });
});

describe("weekView", () => {
  const slots = [
    { calendarId: "cal", start: "2026-12-01T08:00:00Z", end: "2026-12-01T08:30:00Z", capacity: 2, free: 2 },
    { calendarId: "cal", start: "2026-12-01T08:30:00Z", end: "2026-12-01T09:00:00Z", capacity: 2, free: 1 },
    { calendarId: "cal", start: "2026-12-03T14:00:00Z", end: "2026-12-03T14:30:00Z", capacity: 2, free: 2 },
  ];
  const [week] = groupSlotsByWeek(slots, "2026-12-01", 1);

  it("is one radio group with a fieldset per day and the free places written out", () => {
    const onChoose = vi.fn();
    const body = mounted(weekView(week, { t, language: "it", name: "slots", onChoose }));
    getByRole(body, "group", { name: "Martedì 1 dicembre" });
    getByRole(body, "group", { name: "Giovedì 3 dicembre" });
    const radios = getAllByRole(body, "radio") as HTMLInputElement[];
    expect(radios.map((radio) => radio.labels?.[0].textContent)).toEqual([
      "09:00 · 2 posti liberi",
      "09:30 · 1 posto libero",
      "15:00 · 2 posti liberi",
    ]);
    expect(new Set(radios.map((radio) => radio.name))).toEqual(new Set(["slots"]));
    radios[1].click();
    expect(onChoose).toHaveBeenCalledWith(slots[1]);
  });

  it("speaks German when asked", () => {
    const body = mounted(weekView(week, { t: translator("de"), language: "de", name: "slots", onChoose: () => undefined }));
    getByRole(body, "group", { name: "Dienstag, 1. Dezember" });
    expect(queryByRole(body, "radio", { name: "09:30 · 1 Platz frei" })).not.toBeNull();
  });

  it("links a slot to the citizen area's booking flow", () => {
    expect(bookingPath("U2VydmljZTox", slots[0])).toBe(
      "appuntamenti/prenota?servizio=U2VydmljZTox&calendario=cal&inizio=2026-12-01T08%3A00%3A00Z",
    );
  });
});
