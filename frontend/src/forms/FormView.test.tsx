import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { I18nextProvider } from "react-i18next";

import { createI18n } from "../shared/i18n";
import { FormView } from "./FormView";

// jsdom has no matchMedia, which the renderer asks once about the screen.
window.matchMedia ??= ((media: string) => ({
  matches: false,
  media,
  onchange: null,
  addListener: () => {},
  removeListener: () => {},
  addEventListener: () => {},
  removeEventListener: () => {},
  dispatchEvent: () => false,
})) as typeof window.matchMedia;

const definition = {
  display: "form",
  components: [
    { type: "textfield", key: "givenName", label: "Nome", input: true },
    {
      type: "container",
      key: "applicant",
      label: "Richiedente",
      input: true,
      components: [{ type: "textfield", key: "fiscalCode", label: "Codice fiscale", input: true }],
    },
    { type: "button", key: "submit", label: "Invia", action: "submit", input: true },
  ],
};

function renderForm(props: Partial<Parameters<typeof FormView>[0]> = {}) {
  return render(
    <I18nextProvider i18n={createI18n("it")}>
      <FormView definition={definition} language="it" {...props} />
    </I18nextProvider>,
  );
}

describe("FormView, with Form.io's real renderer", () => {
  test("renders the form's fields and no submit button of Form.io's own", async () => {
    renderForm({ data: { givenName: "Mario" } });
    const name = await screen.findByRole("textbox", { name: /Nome/ });
    await waitFor(() => expect((name as HTMLInputElement).value).toBe("Mario"));
    expect(screen.queryByRole("button", { name: "Invia" })).toBeNull();
  });

  test("a server problem on data.<path> shows on that field and in the summary, linked to it", async () => {
    const message = "«Codice fiscale» deve contenere almeno 16 caratteri.";
    renderForm({
      problems: [
        { field: "data.applicant.fiscalCode", code: "MIN_LENGTH", message },
        { field: "id", code: "TRANSITION_NOT_ALLOWED", message: "Non è più una bozza." },
      ],
    });
    const summary = await screen.findByTestId("form-problems");
    const link = await within(summary).findByRole("link", { name: message });
    expect(within(summary).getByText("Non è più una bozza.")).toBeTruthy();
    const field = document.querySelector(".formio-component-fiscalCode") as HTMLElement;
    await waitFor(() => expect(within(field).getByText(message)).toBeTruthy());
    await userEvent.click(link);
    expect(document.activeElement?.getAttribute("name")).toBe("data[applicant][fiscalCode]");
  });

  test("typing passes the data on at once, in the shape the server takes", async () => {
    const onChange = vi.fn();
    renderForm({ onChange });
    await userEvent.type(await screen.findByRole("textbox", { name: /Codice fiscale/ }), "RSS");
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ applicant: { fiscalCode: "RSS" } }));
  });
});
