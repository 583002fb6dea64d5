import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { tenantFromPath } from "../shared/tenant";
import { CitizenApp } from "./App";
import "../shared/app.css";

const tenant = tenantFromPath();
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <CitizenApp tenant={tenant} />
  </StrictMode>,
);
