import { describe, expect, it } from "vitest";

import { breadcrumbTrail } from "../shared/layout/trail";
import { citizenSections, type SectionKey } from "./sections";

const NAMES: Record<SectionKey, string> = {
  services: "Servizi",
  desk: "Scrivania",
  practices: "Le mie pratiche",
  appointments: "Appuntamenti",
  rooms: "Sale e spazi",
};
const name = (key: SectionKey) => NAMES[key];

function trail(pathname: string, title: string, siteUrl: string | null) {
  return breadcrumbTrail({ home: "Home", siteUrl, parents: citizenSections(pathname, name), title, pathname });
}

describe("the breadcrumb of a citizen page", () => {
  it("starts from the municipality's own site, then the catalogue", () => {
    expect(trail("/servizi/tari", "TARI", "https://comune.example")).toEqual({
      links: [
        { label: "Home", href: "https://comune.example" },
        { label: "Servizi", to: "/" },
      ],
      current: "TARI",
    });
    expect(trail("/", "Servizi", "https://comune.example")).toEqual({
      links: [{ label: "Home", href: "https://comune.example" }],
      current: "Servizi",
    });
  });

  it("starts from the catalogue when the municipality has no site, without naming it twice", () => {
    expect(trail("/servizi/tari", "TARI", null)).toEqual({ links: [{ label: "Home", to: "/" }], current: "TARI" });
    expect(trail("/", "Servizi", null)).toEqual({ links: [], current: "Home" });
  });

  it("reaches a practice from the desk and the list of practices", () => {
    expect(trail("/pratiche/UHJhY3RpY2U6MQ==", "Pratica 2026/000001", null).links).toEqual([
      { label: "Home", to: "/" },
      { label: "Scrivania", to: "/scrivania" },
      { label: "Le mie pratiche", to: "/pratiche" },
    ]);
    expect(trail("/pratiche", "Le mie pratiche", null).links.map((crumb) => crumb.label)).toEqual(["Home", "Scrivania"]);
  });

  it("puts a booking page under its section, and a section's own page right after Home", () => {
    expect(citizenSections("/appuntamenti/prenota", name)).toEqual([{ label: "Appuntamenti", to: "/appuntamenti" }]);
    expect(citizenSections("/prenotazioni/mie", name)).toEqual([{ label: "Sale e spazi", to: "/prenotazioni" }]);
    expect(citizenSections("/appuntamenti", name)).toEqual([]);
    expect(citizenSections("/scrivania", name)).toEqual([]);
    expect(citizenSections("/accessibilita", name)).toEqual([]);
  });
});
