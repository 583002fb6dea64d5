import { findByRole, findByText, getAllByRole, getByRole } from "@testing-library/dom";

import { BookingElement } from "./booking";
import { ServiceCardElement } from "./card";
import type { WidgetOperation } from "./documents";

customElements.define("test-booking", BookingElement);
customElements.define("test-service-card", ServiceCardElement);

const service = {
  id: "U2VydmljZTox",
  slug: "carta-identita-elettronica",
  name: "Carta d'identità elettronica",
  shortDescription: null,
  bookingRequired: true,
  category: null,
};

/** Answers the widgets' operations with fixed data, by operation name. */
function answering(answers: Partial<Record<WidgetOperation, unknown>>) {
  return vi.fn(async (url: string) => {
    const name = new URL(url).searchParams.get("operationName") as WidgetOperation;
    return new Response(JSON.stringify({ data: answers[name] }), { headers: { "content-type": "application/json" } });
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe("<sportello-booking>", () => {
  it("shows the week's free times and links the chosen one to the citizen area, telling the host", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-30T06:00:00Z"));
    const slot = { calendarId: "cal", start: "2026-12-01T08:00:00+00:00", end: "2026-12-01T08:30:00+00:00", capacity: 2, free: 2 };
    const fetcher = answering({ WidgetService: { service }, WidgetFreeSlots: { freeSlots: [slot] } });
    vi.stubGlobal("fetch", fetcher);
    document.body.innerHTML =
      '<test-booking api="https://sportello.example" tenant="bugliano" service="carta-identita-elettronica" lang="en" heading-level="3"></test-booking>';
    const element = document.querySelector<HTMLElement>("test-booking")!;
    const selected = vi.fn((event: Event) => event.preventDefault());
    element.addEventListener("sportello:select", selected);

    await findByRole(element, "heading", { level: 3, name: "Book an appointment: Carta d'identità elettronica" });
    expect(getByRole(element, "status").textContent).toBe("1 free time this week");
    const freeSlots = new URL(fetcher.mock.calls[1][0]);
    expect(JSON.parse(freeSlots.searchParams.get("variables")!)).toEqual({ serviceId: service.id, start: "2026-11-30", end: "2026-12-27" });

    getByRole(element, "radio", { name: "09:00 AM · 2 places free" }).click();
    const link = await findByRole(element, "link", { name: "Book this time" });
    expect(link.getAttribute("href")).toBe(
      "https://sportello.example/bugliano/appuntamenti/prenota?servizio=U2VydmljZTox&calendario=cal&inizio=2026-12-01T08%3A00%3A00%2B00%3A00",
    );
    const click = new MouseEvent("click", { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect((selected.mock.calls[0][0] as CustomEvent).detail).toMatchObject({ slot, href: link.getAttribute("href") });
    expect(click.defaultPrevented).toBe(true);
  });

  it("says a week has no free time, and moves between weeks", async () => {
    vi.stubGlobal("fetch", answering({ WidgetService: { service }, WidgetFreeSlots: { freeSlots: [] } }));
    document.body.innerHTML = '<test-booking api="https://s.example" tenant="bugliano" service="x" weeks="2"></test-booking>';
    const element = document.querySelector<HTMLElement>("test-booking")!;
    await findByText(element, "Nessun orario libero in questa settimana.");
    const [previous, next] = getAllByRole(element, "button");
    expect(previous.getAttribute("aria-disabled")).toBe("true");
    next.click();
    expect(next.getAttribute("aria-disabled")).toBe("true");
    expect(previous.getAttribute("aria-disabled")).toBe("false");
  });
});

describe("<sportello-service-card>", () => {
  it("draws the card in a shadow root that links the tenant's stylesheet", async () => {
    vi.stubGlobal("fetch", answering({ WidgetService: { service } }));
    document.body.innerHTML =
      '<test-service-card api="https://s.example" tenant="bugliano" service="carta-identita-elettronica" shadow></test-service-card>';
    await Promise.resolve(); // the widget draws in a microtask, after its attributes are all set
    const root = document.querySelector("test-service-card")!.shadowRoot!;
    expect(root.querySelector("link")?.getAttribute("href")).toBe("https://s.example/bugliano/theme.css");
    const link = await findByRole(root as unknown as HTMLElement, "link", { name: "Carta d'identità elettronica" });
    expect(link.getAttribute("href")).toBe("https://s.example/bugliano/servizi/carta-identita-elettronica");
  });

  it("says when the service does not exist, and offers to retry when the server fails", async () => {
    vi.stubGlobal("fetch", answering({ WidgetService: { service: null } }));
    document.body.innerHTML = '<test-service-card api="https://s.example" tenant="bugliano" service="nope"></test-service-card>';
    await findByText(document.body, "Servizio non trovato.");
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("Failed to fetch")));
    document.querySelector("test-service-card")!.setAttribute("service", "other");
    await findByRole(document.body, "button", { name: "Riprova" });
  });
});
