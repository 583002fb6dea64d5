import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";

import { renderAt } from "../../shared/testing";
import { QueueFilters, type ServiceChoice } from "./QueueFilters";
import { parseQueueState, queueSearch, type QueueState } from "./queueState";
import { StatusCounts } from "./StatusCounts";

const services: ServiceChoice[] = [
  { id: "s1", name: "Certificati anagrafici", paymentRequired: false },
  { id: "s2", name: "Carta d'identità elettronica", paymentRequired: true },
];
const offices = [{ id: "o1", name: "Ufficio Anagrafe" }];
const operators = [{ id: "u1", fullName: "Paolo Conti", username: "operatore", fiscalCode: null }];
const counts = [
  { status: "SUBMITTED" as const, count: 3 },
  { status: "PENDING" as const, count: 5 },
  { status: "COMPLETE" as const, count: 4 },
];

/** The filters over a queue that follows what they apply, as the page's address does. */
function renderFilters(query: string, choices: readonly ServiceChoice[] = services) {
  const applied: string[] = [];
  function Queue() {
    const [state, setState] = useState(parseQueueState(new URLSearchParams(query)));
    const apply = (next: QueueState) => {
      applied.push(queueSearch(next).toString());
      setState(next);
    };
    return <QueueFilters state={state} services={choices} offices={offices} operators={operators} counts={counts} onApply={apply} />;
  }
  renderAt(<Queue />);
  return applied;
}

const chips = () => within(screen.getByTestId("queue-chips")).getAllByRole("listitem").map((item) => item.textContent);

describe("QueueFilters", () => {
  it("shows the filters of the address on the drop-downs and as chips", () => {
    renderFilters("servizio=s2&stato=PENDING&assegnazione=me&richiedente=rossi&ordine=NUMBER&verso=asc");
    expect(screen.getByRole("button", { name: "Stati: In lavorazione" }).getAttribute("aria-expanded")).toBe("false");
    expect(screen.getByRole("button", { name: "Servizi: Carta d'identità elettronica" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Assegnatari: tutti" })).toBeTruthy();
    expect(chips()).toEqual([
      "Stati: In lavorazione×",
      "Servizi: Carta d'identità elettronica×",
      "Assegnazione: Assegnate a me×",
      "Richiedente: rossi×",
      "Azzera i filtri",
    ]);
    expect(screen.getByLabelText("Richiedente")).toHaveProperty("value", "rossi");
    expect(screen.getByLabelText("Ordina per")).toHaveProperty("value", "NUMBER");
    expect(screen.getByLabelText("Verso")).toHaveProperty("value", "asc");
  });

  it("is the open work by default, and says so", () => {
    renderFilters("");
    expect(screen.getByRole("button", { name: "Stati: aperte" })).toBeTruthy();
    expect(screen.queryByTestId("queue-chips")).toBeNull();
  });

  it("chooses two statuses by keyboard, from the first page, the drop-down staying open", async () => {
    const user = userEvent.setup();
    const applied = renderFilters("dopo=abc");
    const button = screen.getByRole("button", { name: "Stati: aperte" });
    button.focus();
    await user.keyboard("{Enter}");
    expect(button.getAttribute("aria-expanded")).toBe("true");
    const submitted = screen.getByRole("checkbox", { name: "Acquisita (3)" });
    submitted.focus();
    await user.keyboard(" ");
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("checkbox", { name: "Protocollata (0)" }));
    screen.getByRole("checkbox", { name: "In lavorazione (5)" }).focus();
    await user.keyboard(" ");
    expect(applied).toEqual(["stato=SUBMITTED", "stato=SUBMITTED&stato=PENDING"]);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(button.textContent).toBe("Stati: 2 scelti ▾");
    await user.keyboard("{Escape}");
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(button);
  });

  it("takes closed practices too only when asked", async () => {
    const user = userEvent.setup();
    const applied = renderFilters("");
    await user.click(screen.getByRole("button", { name: "Stati: aperte" }));
    expect(screen.getByRole("radio", { name: "Tutte le aperte" })).toHaveProperty("checked", true);
    await user.click(screen.getByRole("radio", { name: "Tutte, anche le chiuse" }));
    expect(applied).toEqual(["chiuse=1"]);
    expect(chips()).toEqual(["Stati: tutte, anche chiuse×", "Azzera i filtri"]);
    await user.click(screen.getByRole("checkbox", { name: "Accolta (4)" }));
    expect(applied.at(-1)).toBe("stato=COMPLETE");
  });

  it("removes the filter of a chip, by its labelled button", async () => {
    const user = userEvent.setup();
    const applied = renderFilters("stato=PENDING&stato=SUBMITTED&assegnatario=u1&ordine=NUMBER");
    await user.click(screen.getByRole("button", { name: "Rimuovi il filtro Stati: In lavorazione" }));
    // The focus stays in the list, on the chip that took the removed one's place.
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Rimuovi il filtro Stati: Acquisita" }));
    await user.click(screen.getByRole("button", { name: "Rimuovi il filtro Assegnatari: Paolo Conti" }));
    expect(applied).toEqual(["stato=SUBMITTED&assegnatario=u1&ordine=NUMBER", "stato=SUBMITTED&ordine=NUMBER"]);
    expect(chips()).toEqual(["Stati: Acquisita×", "Azzera i filtri"]);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Rimuovi il filtro Stati: Acquisita" }));
    await user.keyboard("{Enter}");
    expect(screen.queryByTestId("queue-chips")).toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText("Richiedente"));
  });

  it("offers the payment states only where a service takes payments", async () => {
    const user = userEvent.setup();
    renderFilters("", services.filter((service) => !service.paymentRequired));
    await user.click(screen.getByRole("button", { name: "Stati: aperte" }));
    expect(screen.queryByRole("checkbox", { name: /^In attesa di pagamento/ })).toBeNull();
    expect(screen.getByRole("checkbox", { name: "Acquisita (3)" })).toBeTruthy();
  });

  it("offers the payment states when a service takes payments", async () => {
    const user = userEvent.setup();
    renderFilters("");
    await user.click(screen.getByRole("button", { name: "Stati: aperte" }));
    expect(screen.getByRole("checkbox", { name: "In attesa di pagamento (0)" })).toBeTruthy();
  });

  it("applies the typed applicant and the days under Filtri on Cerca, from the first page", async () => {
    const user = userEvent.setup();
    const applied = renderFilters("dopo=abc");
    const more = screen.getByRole("button", { name: "Filtri" });
    await user.click(more);
    expect(more.getAttribute("aria-expanded")).toBe("true");
    await user.selectOptions(screen.getByLabelText("Assegnazione"), "assigned");
    await user.type(screen.getByLabelText("Richiedente"), "  Bianchi ");
    await user.type(screen.getByLabelText("Inviate dal"), "2026-11-01");
    await user.click(screen.getByRole("button", { name: "Cerca" }));
    expect(applied).toEqual(["assegnazione=assigned", "assegnazione=assigned&dal=2026-11-01&richiedente=Bianchi"]);
    expect(screen.getByRole("button", { name: "Filtri (2 attivi)" })).toBeTruthy();
  });

  it("clears the filters but keeps the sort", async () => {
    const user = userEvent.setup();
    const applied = renderFilters("stato=PENDING&richiedente=rossi&ordine=NUMBER");
    await user.click(screen.getByRole("button", { name: "Azzera i filtri" }));
    expect(applied).toEqual(["ordine=NUMBER"]);
    expect(screen.getByLabelText("Richiedente")).toHaveProperty("value", "");
  });
});

describe("StatusCounts", () => {
  it("links each open status to the queue of that status alone, keeping the other filters", () => {
    renderAt(
      <StatusCounts counts={counts} state={parseQueueState(new URLSearchParams("stato=SUBMITTED&richiedente=rossi&dopo=abc"))} />,
    );
    const pending = screen.getByRole("link", { name: "In lavorazione 5" });
    expect(pending.getAttribute("href")).toBe("/?stato=PENDING&richiedente=rossi");
    expect(screen.getByRole("link", { name: "Acquisita 3" }).getAttribute("aria-current")).toBe("page");
    expect(screen.queryByRole("link", { name: /^Accolta/ })).toBeNull();
    expect(screen.getByRole("link", { name: "Tutte le aperte (8)" }).getAttribute("href")).toBe("/?richiedente=rossi");
    expect(screen.getByRole("link", { name: "Tutte, anche chiuse (12)" }).getAttribute("href")).toBe("/?chiuse=1&richiedente=rossi");
  });
});
