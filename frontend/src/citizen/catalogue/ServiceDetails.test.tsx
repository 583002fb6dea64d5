import { screen, within } from "@testing-library/react";

import { ServiceDetails, serviceParents, type ServiceFull } from "./ServiceDetails";
import { renderAt } from "../../shared/testing";

/** A service that says only what the schema requires. */
const bare: ServiceFull = {
  id: "U2VydmljZToy",
  slug: "anagrafe-canina",
  name: "Anagrafe canina",
  shortDescription: null,
  status: "AVAILABLE",
  accessLevel: "ANONYMOUS",
  paymentRequired: false,
  bookingRequired: false,
  publishUntil: null,
  category: null,
  form: null,
  description: null,
  audience: null,
  howTo: null,
  requirements: null,
  costs: null,
  outcome: null,
  legalBasis: null,
  maxResponseDays: null,
  publishFrom: null,
  topics: [],
  updatedAt: "2026-11-29T10:00:00+00:00",
  group: null,
  offices: [],
};

const full: ServiceFull = {
  ...bare,
  slug: "carta-identita-elettronica",
  name: "Carta d'identità elettronica",
  shortDescription: "Richiedi la CIE.",
  accessLevel: "SPID_L1",
  paymentRequired: true,
  bookingRequired: true,
  category: { id: "Q2F0OjI=", slug: "documenti-identita", name: "Documenti d'identità" },
  form: { id: "Rm9ybToy" },
  description: "La CIE è il documento d'identità.\n\nVale per l'espatrio nell'UE.",
  audience: "Ai residenti di ogni età.",
  howTo: "Prenota un appuntamento.",
  requirements: "Una fototessera recente.",
  costs: "22,21 euro.",
  outcome: "La carta arriva per posta.",
  legalBasis: "DM 23 dicembre 2015.",
  maxResponseDays: 6,
  publishFrom: "2026-01-01T00:00:00+01:00",
  publishUntil: "2026-12-31T23:00:00+01:00",
  topics: ["documenti"],
  group: { id: "R3JvdXA6MQ==", name: "Servizi demografici" },
  offices: [
    {
      id: "T2ZmaWNlOjE=",
      name: "Ufficio Anagrafe",
      address: "Piazza del Municipio 1",
      email: "anagrafe@comune.bugliano.pi.it",
      phone: "+39 0587 000110",
      calendars: [
        {
          id: "Q2FsOjE=",
          name: "Sportello anagrafe",
          kind: "FIXED_SLOTS",
          openingHours: [
            { weekdays: [1, 2, 3, 4, 5], begin: "08:30:00", end: "12:30:00", validFrom: null, validUntil: null },
            { weekdays: [2, 4], begin: "15:00:00", end: "17:30:00", validFrom: "2026-09-01", validUntil: null },
          ],
        },
      ],
    },
  ],
};

function indexEntries() {
  return within(screen.getByTestId("service-index")).getAllByRole("link").map((link) => link.textContent);
}

function sectionTitles() {
  return screen.getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent);
}

describe("a service page", () => {
  it("shows every section the service has something for, in the model's order, and indexes them", () => {
    renderAt(<ServiceDetails service={full} bookable topicsLanguage="it" />);
    const sections = [
      "Cos'è",
      "A chi è rivolto",
      "Come fare",
      "Cosa serve",
      "Cosa si ottiene",
      "Tempi e scadenze",
      "Quanto costa",
      "Accedi al servizio",
      "Dove rivolgersi",
      "Normativa",
    ];
    expect(indexEntries()).toEqual(sections);
    expect(sectionTitles()).toEqual(["Indice della pagina", ...sections, "Argomenti"]);
    expect(screen.getByRole("link", { name: "Cosa serve" }).getAttribute("href")).toBe("#cosa-serve");
    expect(screen.getByText("Vale per l'espatrio nell'UE.")).toBeTruthy();
  });

  it("leaves out the sections a service says nothing in", () => {
    renderAt(<ServiceDetails service={bare} bookable={false} topicsLanguage="it" />);
    expect(indexEntries()).toEqual(["Accedi al servizio"]);
    expect(sectionTitles()).toEqual(["Indice della pagina", "Accedi al servizio"]);
    expect(screen.getByText(/non si richiede online/)).toBeTruthy();
  });

  it("has one h1 and the state of the service, and a breadcrumb through the catalogue and the category", () => {
    renderAt(<ServiceDetails service={full} bookable topicsLanguage="it" />);
    expect(screen.getAllByRole("heading", { level: 1 }).map((h) => h.textContent)).toEqual(["Carta d'identità elettronica"]);
    expect(screen.getByText("Servizio attivo")).toBeTruthy();
    expect(screen.getByText("Ai residenti di ogni età.")).toBeTruthy();
    expect(serviceParents(full, "Servizi")).toEqual([
      { label: "Servizi", to: "/" },
      { label: "Documenti d'identità", to: "/?categoria=documenti-identita" },
    ]);
    expect(serviceParents(bare, "Servizi")).toEqual([{ label: "Servizi", to: "/" }]);
  });

  it("offers to apply online and to book when the service is open, has a form and free slots", () => {
    renderAt(<ServiceDetails service={full} bookable topicsLanguage="it" />);
    const actions = screen.getByTestId("service-actions");
    expect(within(actions).getByRole("link", { name: "Presenta la domanda online" }).getAttribute("href")).toBe(
      "/servizi/carta-identita-elettronica/domanda",
    );
    expect(within(actions).getByRole("link", { name: "Prenota un appuntamento" }).getAttribute("href")).toBe(
      "/appuntamenti/prenota?servizio=U2VydmljZToy",
    );
    expect(screen.getByText("SPID di livello 1 o superiore, oppure CIE")).toBeTruthy();
  });

  it("offers no booking until free slots are known, and none without them", () => {
    const { unmount } = renderAt(<ServiceDetails service={full} bookable={undefined} topicsLanguage="it" />);
    expect(screen.queryByRole("link", { name: "Prenota un appuntamento" })).toBeNull();
    unmount();
    renderAt(<ServiceDetails service={full} bookable={false} topicsLanguage="it" />);
    expect(screen.queryByRole("link", { name: "Prenota un appuntamento" })).toBeNull();
    expect(screen.getByRole("link", { name: "Presenta la domanda online" })).toBeTruthy();
  });

  it("takes no applications while suspended, and says so", () => {
    renderAt(<ServiceDetails service={{ ...full, status: "SUSPENDED" }} bookable={false} topicsLanguage="it" />);
    expect(screen.queryByRole("link", { name: "Presenta la domanda online" })).toBeNull();
    expect(screen.getByText(/momentaneamente sospeso/)).toBeTruthy();
    expect(screen.getByText("Servizio non attivo")).toBeTruthy();
  });

  it("gives times, costs and the offices' contacts and desk hours", () => {
    renderAt(<ServiceDetails service={full} bookable topicsLanguage="it" />);
    expect(screen.getByText(/entro 6 giorni dalla presentazione/)).toBeTruthy();
    expect(screen.getByText("Le domande si possono presentare dal 1 gennaio 2026 al 31 dicembre 2026.")).toBeTruthy();
    expect(screen.getByText(/pagamento, da effettuare online con pagoPA/)).toBeTruthy();
    const office = screen.getByTestId("office");
    expect(within(office).getByRole("link", { name: "+39 0587 000110" }).getAttribute("href")).toBe("tel:+390587000110");
    expect(within(office).getByText("lunedì–venerdì, 08:30–12:30")).toBeTruthy();
    expect(within(office).getByText("martedì e giovedì, 15:00–17:30 (dal 1 settembre 2026)")).toBeTruthy();
  });

  it("follows the interface language", () => {
    renderAt(<ServiceDetails service={full} bookable topicsLanguage="it" />, { language: "en" });
    expect(screen.getByRole("link", { name: "Apply online" })).toBeTruthy();
    expect(within(screen.getByTestId("office")).getByText("Monday–Friday, 08:30–12:30")).toBeTruthy();
  });
});
