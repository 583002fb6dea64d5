import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Provider, type Client, type GraphQLRequest } from "urql";
import { fromValue } from "wonka";

import type { OperatorResourceBookingFragment } from "../../gql/graphql";
import { renderAt } from "../../shared/testing";
import { RoomBookingCard } from "./RoomBookingCard";

// design-react-kit's Modal does not load under jsdom (its package exports no Node entry): a
// plain dialog stands in for it here; the e2e scenario (room-approval) drives the real one.
vi.mock("../../shared/ConfirmDialog", () => ({
  ConfirmDialog: ({ open, title, confirmLabel, children, onConfirm }: {
    open: boolean; title: string; confirmLabel: string; children: React.ReactNode; onConfirm: () => void;
  }) =>
    open ? (
      <div role="dialog" aria-label={title}>
        {children}
        <button type="button" onClick={onConfirm}>{confirmLabel}</button>
      </div>
    ) : null,
}));

const BOOKING: OperatorResourceBookingFragment = {
  id: "UmVzb3VyY2VCb29raW5nOjE=",
  status: "PENDING",
  // 18:00–20:00 on Rome's wall clocks (CET, one hour ahead of UTC)
  start: "2027-01-12T17:00:00+00:00",
  end: "2027-01-12T19:00:00+00:00",
  purpose: "Assemblea del comitato",
  attendees: 35,
  organisation: "Comitato di quartiere",
  priceCents: 5000,
  outcomeNote: null,
  resource: { id: "UmVzb3VyY2U6MQ==", name: "Sala consiliare", calendar: { id: "Q2FsZW5kYXI6MQ==", timeZone: "Europe/Rome" } },
  citizen: { id: "VXNlcjox", fullName: "Mario Rossi", username: "RSSMRA80A01H501U", fiscalCode: "RSSMRA80A01H501U", email: "mario.rossi@example.org", phone: null },
};

/** A client that answers every mutation with `answer` and remembers what it was asked. */
function answering(answer: (request: GraphQLRequest) => object) {
  const asked: GraphQLRequest[] = [];
  const client = {
    executeMutation: (request: GraphQLRequest) => {
      asked.push(request);
      return fromValue({ operation: request, data: answer(request), stale: false, hasNext: false });
    },
  } as unknown as Client;
  return { client, asked };
}

function renderCard(client: Client, booking = BOOKING) {
  const decided: string[] = [];
  renderAt(
    <Provider value={client}>
      <RoomBookingCard booking={booking} onDecided={(sentence) => decided.push(sentence)} />
    </Provider>,
  );
  return decided;
}

describe("RoomBookingCard", () => {
  it("shows who asks for which room, when on Rome's clocks, for what and how many", () => {
    renderCard(answering(() => ({})).client);
    const card = screen.getByRole("article", { name: /Sala consiliare/ });
    expect(within(card).getByRole("heading", { level: 2 }).textContent).toBe("Sala consiliareMartedì 12 gennaio 2027, 18:00 – 20:00");
    expect(card.textContent).toContain("Mario Rossi");
    expect(card.textContent).toContain("Assemblea del comitato");
    expect(card.textContent).toContain("Comitato di quartiere");
    expect(card.textContent).toContain("35");
    expect(within(card).getByRole("link", { name: "mario.rossi@example.org" })).toBeTruthy();
    const names = within(card).getAllByRole("button").map((button) => button.textContent);
    expect(names).toEqual([
      "Approva la prenotazione di Sala consiliare, martedì 12 gennaio 2027, 18:00 – 20:00",
      "Rifiuta la prenotazione di Sala consiliare, martedì 12 gennaio 2027, 18:00 – 20:00",
    ]);
  });

  it("approves at once and says so", async () => {
    const { client, asked } = answering(() => ({
      approveBooking: { resourceBooking: { ...BOOKING, status: "APPROVED" }, errors: [] },
    }));
    const decided = renderCard(client);
    await userEvent.setup().click(screen.getByRole("button", { name: /^Approva/ }));
    expect(asked.map((request) => request.variables)).toEqual([{ input: { id: BOOKING.id } }]);
    expect(decided).toEqual(["Prenotazione di Sala consiliare approvata: martedì 12 gennaio 2027, 18:00 – 20:00."]);
  });

  it("asks for the reason of a refusal in a dialog and sends it", async () => {
    const user = userEvent.setup();
    const { client, asked } = answering(() => ({
      refuseBooking: { resourceBooking: { ...BOOKING, status: "REFUSED" }, errors: [] },
    }));
    const decided = renderCard(client);
    await user.click(screen.getByRole("button", { name: /^Rifiuta/ }));
    const dialog = await screen.findByRole("dialog", { name: "Rifiuta la prenotazione" });
    await user.type(within(dialog).getByLabelText("Motivo del rifiuto (facoltativo)"), "Sala in manutenzione");
    await user.click(within(dialog).getByRole("button", { name: "Sì, rifiuta" }));
    expect(asked.map((request) => request.variables)).toEqual([{ input: { id: BOOKING.id, note: "Sala in manutenzione" } }]);
    expect(decided).toEqual(["Prenotazione di Sala consiliare rifiutata: martedì 12 gennaio 2027, 18:00 – 20:00."]);
  });

  it("shows the office's problems and decides nothing when refused by the server", async () => {
    const { client } = answering(() => ({
      approveBooking: { resourceBooking: null, errors: [{ field: "id", code: "TRANSITION_NOT_ALLOWED", message: "the booking is APPROVED" }] },
    }));
    const decided = renderCard(client);
    await userEvent.setup().click(screen.getByRole("button", { name: /^Approva/ }));
    expect((await screen.findByRole("alert")).textContent).toContain("the booking is APPROVED");
    expect(decided).toEqual([]);
  });

  it("offers no decision on a booking already decided", () => {
    renderCard(answering(() => ({})).client, { ...BOOKING, status: "REFUSED", outcomeNote: "Sala in manutenzione" });
    expect(screen.queryAllByRole("button")).toEqual([]);
    expect(screen.getByText("Sala in manutenzione")).toBeTruthy();
  });
});
