import { act, screen } from "@testing-library/react";

import { Countdown, secondsLeft } from "./Countdown";
import { renderIn } from "../../shared/testing";

describe("Countdown", () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse("2026-12-01T10:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  test("ticks down the hold, speaks once a minute, and reports the end once", () => {
    const onExpired = vi.fn();
    renderIn(<Countdown until="2026-12-01T10:01:30Z" onExpired={onExpired} />);
    const clock = () => screen.getByTestId("hold-countdown").querySelector("strong")?.textContent;
    expect(clock()).toBe("1:30");
    expect(screen.getByRole("status").textContent).toBe("L'orario è riservato per te ancora per meno di 2 minuti.");

    act(() => vi.advanceTimersByTime(31_000));
    expect(clock()).toBe("0:59");
    expect(screen.getByRole("status").textContent).toBe("L'orario è riservato per te ancora per meno di 1 minuto.");
    expect(onExpired).not.toHaveBeenCalled();

    act(() => vi.advanceTimersByTime(60_000));
    expect(clock()).toBe("0:00");
    expect(screen.getByRole("status").textContent).toBe("Il tempo per confermare è scaduto.");
    act(() => vi.advanceTimersByTime(5_000));
    expect(onExpired).toHaveBeenCalledTimes(1);
  });

  test("a hold already over counts as zero", () => {
    expect(secondsLeft("2026-12-01T09:59:00Z")).toBe(0);
    expect(secondsLeft("2026-12-01T10:00:00.200Z")).toBe(1);
  });
});
