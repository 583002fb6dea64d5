import type { PageRoute } from "../../shared/routes";
import { AppointmentsPage } from "./AppointmentsPage";
import { BookingPage } from "./BookingPage";
import { MyResourceBookingsPage } from "./MyResourceBookingsPage";
import { ResourcePage } from "./ResourcePage";
import { ResourcesPage } from "./ResourcesPage";

/** Appointments at the offices' desks and bookings of rooms and other resources. */
export const bookingRoutes: PageRoute[] = [
  { path: "appuntamenti", element: <AppointmentsPage /> },
  { path: "appuntamenti/prenota", element: <BookingPage /> },
  { path: "prenotazioni", element: <ResourcesPage /> },
  { path: "prenotazioni/mie", element: <MyResourceBookingsPage />, private: true },
  { path: "prenotazioni/:id", element: <ResourcePage /> },
];
