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

  test("a required group keeps its required state only where ARIA allows it", () => {
    document.body.innerHTML =
      '<div id="radios" role="group" aria-required="true"><input type="radio" name="a"><input type="radio" name="a"></div>' +
      '<div id="boxes" role="group" aria-required="true"><input type="checkbox"><input type="checkbox"></div>';
    repairMarkup(document.body);
    const radios = document.getElementById("radios") as HTMLElement;
    const boxes = document.getElementById("boxes") as HTMLElement;
    expect([radios.getAttribute("role"), radios.getAttribute("aria-required")]).toEqual(["radiogroup", "true"]);
    expect([boxes.getAttribute("role"), boxes.getAttribute("aria-required")]).toEqual(["group", null]);
  });
});
