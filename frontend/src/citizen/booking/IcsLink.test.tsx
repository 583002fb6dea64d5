import { screen } from "@testing-library/react";

import { IcsLink } from "./IcsLink";
import { renderIn } from "../../shared/testing";

const ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:20261202T073000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

function text(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

describe("IcsLink", () => {
  test("downloads the appointment as a text/calendar file named after its local day", async () => {
    // jsdom cannot make object URLs; record what the link would point at.
    const blobs: Blob[] = [];
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return "blob:appointment";
    });
    vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
    renderIn(<IcsLink ics={ICS} start="2026-12-01T23:30:00Z" />);
    const link = await screen.findByRole("link", { name: "Aggiungi al calendario" });
    expect(link.getAttribute("href")).toBe("blob:appointment");
    // 23:30 UTC on the 1st is already the 2nd in Rome.
    expect(link.getAttribute("download")).toBe("appuntamento-2026-12-02.ics");
    expect(blobs[0].type).toBe("text/calendar;charset=utf-8");
    expect(await text(blobs[0])).toBe(ICS);
  });
});
