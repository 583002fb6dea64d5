import { screen, within } from "@testing-library/react";

import { ServiceCard } from "./ServiceCard";
import type { ServiceSummary } from "./service";
import { renderAt } from "../../shared/testing";

const residence: ServiceSummary = {
  id: "U2VydmljZTox",
  slug: "cambio-residenza",
  name: "Cambio di residenza",
  shortDescription: "Dichiara il trasferimento della residenza.",
  status: "AVAILABLE",
  accessLevel: "SPID_L2",
  paymentRequired: false,
  bookingRequired: false,
  publishUntil: null,
  category: { id: "Q2F0OjE=", slug: "anagrafe-stato-civile", name: "Anagrafe e stato civile" },
  form: { id: "Rm9ybTox" },
};

function badges() {
  const list = screen.queryByRole("list", { name: "Caratteristiche del servizio" });
  return list ? within(list).getAllByRole("listitem").map((item) => item.textContent) : [];
}

describe("a service card", () => {
  it("links the name to the service page and the category to the catalogue filtered by it", () => {
    renderAt(<ServiceCard service={residence} />);
    expect(screen.getByRole("heading", { level: 3, name: "Cambio di residenza" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Cambio di residenza" }).getAttribute("href")).toBe("/servizi/cambio-residenza");
    expect(screen.getByRole("link", { name: "Anagrafe e stato civile" }).getAttribute("href")).toBe(
      "/?categoria=anagrafe-stato-civile",
    );
    expect(screen.getByText("Dichiara il trasferimento della residenza.")).toBeTruthy();
  });

  it("says which login the service asks for", () => {
    renderAt(<ServiceCard service={residence} />);
    expect(screen.getByText("SPID di livello 2 o superiore, oppure CIE")).toBeTruthy();
  });

  it("labels an open service with a form as online, and nothing else when it asks nothing else", () => {
    renderAt(<ServiceCard service={residence} />);
    expect(badges()).toEqual(["Online"]);
  });

  it("labels appointments and payments", () => {
    renderAt(<ServiceCard service={{ ...residence, bookingRequired: true, paymentRequired: true }} />);
    expect(badges()).toEqual(["Online", "Su appuntamento", "A pagamento"]);
  });

  it("labels a suspended service, which no longer takes applications online", () => {
    renderAt(<ServiceCard service={{ ...residence, status: "SUSPENDED" }} />);
    expect(badges()).toEqual(["Sospeso"]);
  });

  it("shows until when a scheduled service is open, in the municipality's time", () => {
    renderAt(<ServiceCard service={{ ...residence, status: "SCHEDULED", publishUntil: "2026-06-30T22:30:00+00:00" }} />);
    expect(badges()).toEqual(["Online", "Fino al 1 luglio 2026"]);
  });

  it("shows no labels for a service without a form", () => {
    renderAt(<ServiceCard service={{ ...residence, form: null }} />);
    expect(badges()).toEqual([]);
  });

  it("speaks the interface language", () => {
    renderAt(<ServiceCard service={{ ...residence, bookingRequired: true }} />, { language: "de" });
    expect(screen.getByText("SPID Stufe 2 oder höher, oder CIE")).toBeTruthy();
    expect(within(screen.getByRole("list", { name: "Merkmale des Dienstes" })).getByText("Mit Termin")).toBeTruthy();
  });
});
