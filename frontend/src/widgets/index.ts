// The embeddable widgets: <sportello-services>, <sportello-service-card>, <sportello-booking>.
// One classic script for the municipality's own website; see docs/widgets.md.
import { SportelloElement } from "./base";
import { BookingElement } from "./booking";
import { ServiceCardElement } from "./card";
import { scriptOrigin } from "./origin";
import { ServicesElement } from "./services";

SportelloElement.defaultApi = scriptOrigin();

const ELEMENTS: Record<string, CustomElementConstructor> = {
  "sportello-services": ServicesElement,
  "sportello-service-card": ServiceCardElement,
  "sportello-booking": BookingElement,
};

// A page that loads the script twice keeps the first definitions instead of throwing.
for (const [name, element] of Object.entries(ELEMENTS)) {
  if (!customElements.get(name)) customElements.define(name, element);
}
