import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";

/** A link to the login page that brings the citizen back here, with the same choices in the address. */
export function LoginLink({ className = "btn btn-primary", children }: { className?: string; children: ReactNode }) {
  const location = useLocation();
  return (
    <Link className={className} to="/login" state={{ from: location.pathname + location.search }}>
      {children}
    </Link>
  );
}
