import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";

import { SlotPicker, type SlotPickerProps } from "./SlotPicker";
import { groupSlotsByDay, slotKey, type FreeSlot } from "../../shared/slots";
import { renderIn } from "../../shared/testing";

const CAL = "Q2FsZW5kYXI6MQ==";

function slot(start: string, free = 2, minutes = 30): FreeSlot {
  const end = new Date(Date.parse(start) + minutes * 60_000).toISOString();
  return { calendarId: CAL, start, end, capacity: 2, free };
}

/** A picker that keeps its own choice, as a page does. */
function Picker(props: Partial<SlotPickerProps> & { onChosen?: (slot: FreeSlot) => void }) {
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <SlotPicker week="2026-11-30" firstWeek="2026-11-30" lastWeek="2027-05-24" slots={[]} legend="Scegli giorno e orario"
      selected={selected} onWeekChange={() => {}}
      onSelect={(chosen) => { setSelected(slotKey(chosen)); props.onChosen?.(chosen); }} {...props} />
  );
}

describe("groupSlotsByDay", () => {
  test("puts slots on the Rome day they start on when summer time ends (25 October 2026)", () => {
    const days = groupSlotsByDay([
      slot("2026-10-25T23:30:00Z"), // 26 Oct 00:30 CET (+1)
      slot("2026-10-24T22:30:00Z"), // 25 Oct 00:30 CEST (+2)
      slot("2026-10-25T22:30:00Z"), // 25 Oct 23:30 CET (+1)
    ]);
    expect(days.map(({ day, slots }) => [day, slots.map((s) => s.start)])).toEqual([
      ["2026-10-25", ["2026-10-24T22:30:00Z", "2026-10-25T22:30:00Z"]],
      ["2026-10-26", ["2026-10-25T23:30:00Z"]],
    ]);
  });

  test("and when summer time begins (28 March 2027)", () => {
    const days = groupSlotsByDay([slot("2027-03-27T23:30:00Z"), slot("2027-03-28T22:30:00Z")]);
    // 00:30 CET on the 28th, and 00:30 CEST on the 29th (a fixed +1 offset would say 23:30 on the 28th).
    expect(days.map((d) => d.day)).toEqual(["2027-03-28", "2027-03-29"]);
  });
});

describe("SlotPicker", () => {
  test("shows each day with its local times and free places across the DST change", () => {
    renderIn(<Picker week="2027-03-22" slots={[slot("2027-03-27T07:30:00Z", 1), slot("2027-03-28T07:30:00Z", 2)]} />);
    const days = screen.getAllByTestId("slot-day");
    expect(days.map((day) => within(day).getByText(/marzo/).textContent)).toEqual(["Sabato 27 marzo", "Domenica 28 marzo"]);
    // 07:30 UTC is 08:30 on the Saturday (CET) and 09:30 on the Sunday, after the change to CEST.
    expect(within(days[0]).getByRole("radio", { name: /08:30.*1 posto libero/ })).toBeTruthy();
    expect(within(days[1]).getByRole("radio", { name: /09:30.*2 posti liberi/ })).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("2 orari liberi in questa settimana.");
  });

  test("is one radio group: Tab enters it, arrows move the choice, Tab leaves it", async () => {
    const user = userEvent.setup();
    const chosen: string[] = [];
    renderIn(
      <>
        <Picker slots={[slot("2026-12-01T08:00:00Z"), slot("2026-12-01T08:30:00Z"), slot("2026-12-02T08:00:00Z")]}
          onChosen={(s) => chosen.push(s.start)} />
        <button type="button">dopo</button>
      </>,
    );
    await user.tab(); // previous week is disabled on the first week: next week button
    expect(document.activeElement).toBe(screen.getByRole("button", { name: /Settimana successiva/ }));
    await user.tab();
    const radios = screen.getAllByRole("radio");
    expect(document.activeElement).toBe(radios[0]);
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(radios[1]);
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(radios[2]);
    expect((radios[2] as HTMLInputElement).checked).toBe(true);
    expect(chosen).toEqual(["2026-12-01T08:30:00Z", "2026-12-02T08:00:00Z"]);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "dopo" }));
  });

  test("marks the chosen time in the text too, not by colour only", async () => {
    const user = userEvent.setup();
    renderIn(<Picker slots={[slot("2026-12-01T08:00:00Z"), slot("2026-12-01T08:30:00Z")]} />);
    await user.click(screen.getByText("09:30"));
    expect((screen.getByRole("radio", { name: /09:30/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText("09:30").closest("label")?.textContent).toContain("✓");
    expect(screen.getByText("09:00").closest("label")?.textContent).not.toContain("✓");
  });

  test("says so when a week has no free slots, and while it loads", () => {
    const { rerender } = renderIn(<Picker slots={undefined} />);
    expect(screen.getByRole("status").textContent).toBe("Caricamento degli orari liberi…");
    rerender(<Picker slots={[]} />);
    expect(screen.getByRole("status").textContent).toMatch(/Nessun orario libero in questa settimana/);
    expect(screen.queryAllByRole("radio")).toHaveLength(0);
  });

  test("moves by whole weeks within the bounds", async () => {
    const user = userEvent.setup();
    const weeks: string[] = [];
    renderIn(<Picker week="2026-12-07" firstWeek="2026-11-30" lastWeek="2026-12-07" onWeekChange={(w) => weeks.push(w)} />);
    expect(screen.getByText(/Settimana: 0?7.13 dic 2026/)).toBeTruthy();
    expect((screen.getByRole("button", { name: /Settimana successiva/ }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole("button", { name: /Settimana precedente/ }));
    expect(weeks).toEqual(["2026-11-30"]);
  });
});
