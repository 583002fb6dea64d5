import { repairMarkup } from "./markupRepairs";

describe("repairs of the renderer's markup", () => {
  test("a clickable icon becomes a button that the keyboard can press", () => {
    document.body.innerHTML = '<i tabindex="0" class="bi bi-trash" aria-label="Rimuovi denuncia.pdf"></i>';
    const icon = document.querySelector("i") as HTMLElement;
    const clicks = vi.fn();
    icon.addEventListener("click", clicks);
    repairMarkup(document.body);
    expect(icon.getAttribute("role")).toBe("button");
    icon.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    icon.dispatchEvent(new KeyboardEvent("keydown", { key: "a" }));
    expect(clicks).toHaveBeenCalledTimes(1);
  });

  test("a panel that cannot collapse stops claiming to be an expandable button", () => {
    document.body.innerHTML =
      '<div class="card-header" role="button" aria-expanded="true" aria-controls="x"></div>' +
      '<div class="card-header" tabindex="0" role="button" aria-expanded="false" aria-controls="y"></div>';
    repairMarkup(document.body);
    const [fixed, collapsible] = document.querySelectorAll(".card-header");
    expect(fixed.getAttribute("role")).toBeNull();
    expect(fixed.getAttribute("aria-expanded")).toBeNull();
    expect(collapsible.getAttribute("role")).toBe("button");
    expect(collapsible.getAttribute("aria-expanded")).toBe("false");
  });
});
