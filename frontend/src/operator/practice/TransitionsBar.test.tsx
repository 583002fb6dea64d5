import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { PracticeAction } from "../../gql/graphql";
import { renderAt } from "../../shared/testing";
import type { OperatorAction } from "./transitions";
import { TransitionsBar } from "./TransitionsBar";

function renderBar(available: PracticeAction[], chosen: OperatorAction | null = null) {
  const chose: OperatorAction[] = [];
  renderAt(<TransitionsBar available={available} chosen={chosen} onChoose={(action) => chose.push(action)} />);
  return chose;
}

const buttons = () => screen.queryAllByRole("button").map((button) => button.textContent);

describe("TransitionsBar", () => {
  it("offers only taking in charge on a submitted practice", () => {
    renderBar(["TAKE_IN_CHARGE"]);
    expect(buttons()).toEqual(["Prendi in carico"]);
  });

  it("offers exactly the steps the API allows, in a fixed order, leaving out those without a mutation", () => {
    renderBar(["REJECT", "ASK_DEFERRED_PAYMENT", "ACCEPT", "REQUEST_INTEGRATION", "REASSIGN"]);
    expect(buttons()).toEqual(["Assegna", "Richiedi integrazione", "Accogli", "Respingi"]);
  });

  it("offers reopening and revoking only when allowed", () => {
    renderBar(["REOPEN", "REVOKE"]);
    expect(buttons()).toEqual(["Riapri", "Revoca"]);
  });

  it("says when nothing can be done", () => {
    renderBar(["WITHDRAW", "ANSWER_INTEGRATION"]);
    expect(buttons()).toEqual([]);
    expect(screen.getByText("Nessuna azione è possibile in questo stato.")).toBeTruthy();
  });

  it("tells which step was chosen, and which step's form is open", async () => {
    const user = userEvent.setup();
    const chose = renderBar(["TAKE_IN_CHARGE", "REJECT"], "REJECT");
    expect(screen.getByRole("button", { name: "Respingi" }).getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByRole("button", { name: "Prendi in carico" }).hasAttribute("aria-expanded")).toBe(false);
    await user.click(screen.getByRole("button", { name: "Prendi in carico" }));
    expect(chose).toEqual(["TAKE_IN_CHARGE"]);
  });

  it("speaks the operator's language", () => {
    renderAt(<TransitionsBar available={["ACCEPT"]} chosen={null} onChoose={() => undefined} />, { language: "de" });
    expect(buttons()).toEqual(["Genehmigen"]);
  });
});
