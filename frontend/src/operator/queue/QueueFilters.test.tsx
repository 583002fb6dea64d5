import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { renderAt } from "../../shared/testing";
import { QueueFilters } from "./QueueFilters";
import { parseQueueState, queueSearch, type QueueState } from "./queueState";
import { StatusCounts } from "./StatusCounts";

const services = [
  { id: "s1", name: "Certificati anagrafici" },
  { id: "s2", name: "Carta d'identità elettronica" },
];
const offices = [{ id: "o1", name: "Ufficio Anagrafe" }];
const operators = [{ id: "u1", fullName: "Paolo Conti", username: "operatore", fiscalCode: null }];

function renderFilters(query: string) {
  const applied: QueueState[] = [];
  renderAt(
    <QueueFilters state={parseQueueState(new URLSearchParams(query))} services={services} offices={offices}
      operators={operators} onApply={(state) => applied.push(state)} />,
  );
  return applied;
}

describe("QueueFilters", () => {
  it("shows the filters of the address", () => {
    renderFilters("servizio=s2&stato=PENDING&assegnazione=me&richiedente=rossi&ordine=NUMBER&verso=asc");
    expect(screen.getByLabelText("Servizi")).toHaveProperty("selectedOptions.0.textContent", "Carta d'identità elettronica");
    expect(screen.getByLabelText("Stati")).toHaveProperty("selectedOptions.0.textContent", "In lavorazione");
    expect(screen.getByLabelText("Assegnazione")).toHaveProperty("value", "me");
    expect(screen.getByLabelText("Richiedente")).toHaveProperty("value", "rossi");
    expect(screen.getByLabelText("Ordina per")).toHaveProperty("value", "NUMBER");
    expect(screen.getByLabelText("Verso")).toHaveProperty("value", "asc");
  });

  it("applies what the operator chose, from the first page", async () => {
    const user = userEvent.setup();
    const applied = renderFilters("dopo=abc");
    await user.selectOptions(screen.getByLabelText("Servizi"), ["s1", "s2"]);
    await user.selectOptions(screen.getByLabelText("Uffici"), "o1");
    await user.selectOptions(screen.getByLabelText("Assegnatari"), "u1");
    await user.selectOptions(screen.getByLabelText("Assegnazione"), "assigned");
    await user.type(screen.getByLabelText("Richiedente"), "  Bianchi ");
    await user.type(screen.getByLabelText("Inviate dal"), "2026-11-01");
    await user.selectOptions(screen.getByLabelText("Ordina per"), "UPDATED_AT");
    await user.click(screen.getByRole("button", { name: "Applica i filtri" }));
    expect(applied).toHaveLength(1);
    expect(queueSearch(applied[0]).toString()).toBe(
      "servizio=s1&servizio=s2&ufficio=o1&assegnatario=u1&assegnazione=assigned&dal=2026-11-01&richiedente=Bianchi&ordine=UPDATED_AT",
    );
  });

  it("clears the filters but keeps the sort", async () => {
    const user = userEvent.setup();
    const applied = renderFilters("stato=PENDING&richiedente=rossi&ordine=NUMBER");
    await user.click(screen.getByRole("button", { name: "Azzera i filtri" }));
    expect(queueSearch(applied[0]).toString()).toBe("ordine=NUMBER");
  });
});

describe("StatusCounts", () => {
  it("links each status to the queue of that status alone, keeping the other filters", () => {
    renderAt(
      <StatusCounts
        counts={[{ status: "SUBMITTED", count: 3 }, { status: "PENDING", count: 5 }]}
        state={parseQueueState(new URLSearchParams("stato=SUBMITTED&richiedente=rossi&dopo=abc"))}
      />,
    );
    const pending = screen.getByRole("link", { name: "In lavorazione 5" });
    expect(pending.getAttribute("href")).toBe("/?stato=PENDING&richiedente=rossi");
    expect(screen.getByRole("link", { name: "Acquisita 3" }).getAttribute("aria-current")).toBe("page");
    expect(screen.getByRole("link", { name: "Tutte (8)" }).getAttribute("href")).toBe("/?richiedente=rossi");
  });
});
