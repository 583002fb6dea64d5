import { screen, within } from "@testing-library/react";

import type { PracticesDetailFragment } from "../../gql/graphql";
import { renderIn } from "../../shared/testing";
import { PracticeStatusBadge } from "../../shared/PracticeStatusBadge";
import { groupOf, STATUS_GROUPS } from "../../shared/practiceStatus";
import { Timeline } from "./Timeline";

type Step = PracticesDetailFragment["history"][number];

const receipt = {
  id: "f1",
  name: "esito.pdf",
  size: 23100,
  contentType: "application/pdf",
  purpose: "OUTCOME" as const,
  createdAt: "2026-12-03T10:00:00Z",
  url: "/bugliano/files/token",
  reference: {},
};

const history: Step[] = [
  { action: "SUBMIT", fromStatus: "DRAFT", toStatus: "PRE_SUBMIT", actor: "CITIZEN", message: null, createdAt: "2026-12-01T23:30:00Z", by: null, attachments: [] },
  { action: "ACQUIRE", fromStatus: "PRE_SUBMIT", toStatus: "SUBMITTED", actor: "SYSTEM", message: null, createdAt: "2026-12-01T23:30:01Z", by: null, attachments: [] },
  {
    action: "ACCEPT",
    fromStatus: "PENDING",
    toStatus: "COMPLETE",
    actor: "OPERATOR",
    message: "Documento pronto",
    createdAt: "2026-12-03T10:00:00Z",
    by: { id: "u1", fullName: "Anna Neri" },
    attachments: [receipt],
  },
];

describe("the history of a practice", () => {
  test("each step says what happened, when (Rome time), who, and the status it led to", () => {
    renderIn(<Timeline history={history} />);
    const steps = Array.from(screen.getByTestId("practice-history").children) as HTMLElement[];
    expect(steps).toHaveLength(3);
    // 23:30 UTC on 1 December is already 2 December in Rome.
    expect(steps[0].textContent).toContain("Domanda inviata");
    expect(steps[0].textContent).toContain("2 dicembre 2026");
    expect(steps[0].textContent).toContain("da te");
    expect(steps[1].textContent).toContain("dalla piattaforma");
    expect(steps[2].textContent).toContain("Domanda accolta");
    expect(steps[2].textContent).toContain("da Anna Neri");
    expect(steps[2].textContent).toContain("stato: Accolta");
    expect(steps[2].textContent).toContain("Documento pronto");
    expect(within(steps[2]).getByRole("link", { name: /esito\.pdf/ }).getAttribute("href")).toBe("/bugliano/files/token");
  });

  test("in German too", () => {
    renderIn(<Timeline history={history.slice(2)} />, "de");
    expect(screen.getByText("Antrag angenommen")).toBeTruthy();
  });

  test("no steps yet is said in words", () => {
    renderIn(<Timeline history={[]} />);
    expect(screen.getByText("Nessun passaggio ancora.")).toBeTruthy();
  });
});

describe("the status of a practice", () => {
  test("the badge names the status in words, not only in colour", () => {
    renderIn(<PracticeStatusBadge status="REQUEST_INTEGRATION" />);
    expect(screen.getByTestId("practice-status").textContent).toBe("Integrazione richiesta");
  });

  test("every status belongs to exactly one filter group", () => {
    const all = Object.values(STATUS_GROUPS).flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(20);
    expect(groupOf("DRAFT_FOR_INTEGRATION")).toBe("integration");
    expect(groupOf("WITHDRAWN")).toBe("closed");
  });
});
