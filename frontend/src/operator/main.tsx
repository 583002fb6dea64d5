import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { tenantFromPath } from "../shared/tenant";
import { OperatorApp } from "./App";
import "../shared/app.css";

const tenant = tenantFromPath();
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <OperatorApp tenant={tenant} />
  </StrictMode>,
);
