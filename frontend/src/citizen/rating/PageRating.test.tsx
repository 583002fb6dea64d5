import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Provider, type Client, type GraphQLRequest } from "urql";
import { fromValue } from "wonka";

import { renderAt } from "../../shared/testing";
import { PageRating } from "./PageRating";

type Errors = { field: string | null; code: string; message: string }[];

/** A client that answers `ratePage` with `errors` (none: stored) and remembers what it was sent. */
function answering(errors: Errors = []) {
  const asked: GraphQLRequest[] = [];
  const client = {
    executeMutation: (request: GraphQLRequest) => {
      asked.push(request);
      const rating = errors.length ? null : { path: "/", stars: 1, answer: null };
      return fromValue({ operation: request, data: { ratePage: { rating, errors } }, stale: false, hasNext: false });
    },
  } as unknown as Client;
  return { client, asked };
}

function renderRating(client: Client, url = "/servizi/tari") {
  renderAt(
    <Provider value={client}>
      <PageRating />
    </Provider>,
    { url },
  );
}

describe("the rating at the bottom of a page", () => {
  it("asks with five stars, then what went well or what was hard, as the stars say", async () => {
    const user = userEvent.setup();
    renderRating(answering().client);
    expect(screen.getByRole("heading", { name: "Quanto sono chiare le informazioni su questa pagina?" })).toBeTruthy();
    expect(screen.getAllByRole("radio").map((radio) => radio.parentElement?.textContent)).toEqual([
      "Valuta 1 stella su 5",
      "Valuta 2 stelle su 5",
      "Valuta 3 stelle su 5",
      "Valuta 4 stelle su 5",
      "Valuta 5 stelle su 5",
    ]);
    expect(screen.queryByRole("button", { name: "Invia la valutazione" })).toBeNull();

    await user.click(screen.getByLabelText("Valuta 5 stelle su 5"));
    expect(screen.getByRole("group", { name: "Quali sono stati gli aspetti che hai preferito?" })).toBeTruthy();
    await user.click(screen.getByLabelText("Le indicazioni erano chiare"));

    // Changing to two stars asks the other question, and drops the answer that no longer fits.
    await user.click(screen.getByLabelText("Valuta 2 stelle su 5"));
    expect(screen.getByRole("group", { name: "Dove hai incontrato le maggiori difficoltà?" })).toBeTruthy();
    expect(screen.getAllByRole("radio", { checked: true }).map((radio) => radio.parentElement?.textContent)).toEqual([
      "Valuta 2 stelle su 5",
    ]);
  });

  it("sends the stars, the answer and the comment for the page's path, then thanks", async () => {
    const user = userEvent.setup();
    const { client, asked } = answering();
    renderRating(client, "/pratiche/UHJhY3RpY2U6MQ==");
    await user.click(screen.getByLabelText("Valuta 2 stelle su 5"));
    await user.click(screen.getByLabelText("Ho avuto problemi tecnici"));
    const comment = screen.getByLabelText("Vuoi aggiungere altri dettagli?");
    await user.type(comment, "  Il modulo non si apriva  ");
    expect(screen.getByText(/ne restano 173/)).toBeTruthy();
    expect(comment.getAttribute("maxlength")).toBe("200");
    await user.click(screen.getByRole("button", { name: "Invia la valutazione" }));
    expect(asked.map((request) => request.variables)).toEqual([
      { input: { path: "/pratiche/:id", stars: 2, answer: "TECHNICAL_PROBLEMS", comment: "Il modulo non si apriva" } },
    ]);
    expect(screen.getByRole("status").textContent).toBe("Grazie, il tuo parere ci aiuterà a migliorare il servizio!");
    expect(screen.queryByRole("radio")).toBeNull();
  });

  it("shows what the server refused and lets the person try again", async () => {
    const user = userEvent.setup();
    renderRating(answering([{ field: null, code: "TOO_MANY_ATTEMPTS", message: "Troppe valutazioni da questa connessione: riprova tra 60 secondi." }]).client);
    await user.click(screen.getByLabelText("Valuta 4 stelle su 5"));
    await user.click(screen.getByRole("button", { name: "Invia la valutazione" }));
    expect(screen.getByRole("alert").textContent).toContain("riprova tra 60 secondi");
    expect(screen.getByRole("button", { name: "Invia la valutazione" })).toBeTruthy();
  });
});
